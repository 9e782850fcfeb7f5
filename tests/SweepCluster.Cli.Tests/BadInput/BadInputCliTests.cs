// Issue 4, through the CLI: every case of the shared bad-input table is refused by `sweep run` (the embedded silo
// path: local validation, then the coordinator's data preflight) and by `sweep validate` with exit code 2 and a clear
// error (file, field, line, what is valid), and `run` writes no report folder. Plus the cases that only a file can
// show (a 50 MB spec), and sweep ids with path characters.
using System.Net;
using System.Net.Sockets;
using SweepCluster.Cli.Commands;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.BadInput;

public sealed class BadInputCliTests
{
    private const int InvalidInput = (int)ExitCode.InvalidInput;

    private const string SmallValid = """
        dataset: iris
        model: { hidden: [8] }
        learning_rate: [0.05]
        batch_size: 16
        seeds: [1]
        epochs: 2
        """;

    public static TheoryData<string> Cases() => BadInputCase.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunRefusesTheBadInputWithExitCodeTwoAndWritesNothing(string name)
    {
        var bad = BadInputCase.Named(name);
        using var dir = new TempDirectory();
        var output = new DirectoryInfo(Path.Combine(dir.Path, "out"));
        var (exit, text) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () =>
            RunCommand.RunAsync(console, new FileInfo(bad.SpecPath), $"bad-{name}", 1, output, allowLarge: false, CancellationToken.None)));
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        bad.AssertReported(text);
        Assert.False(Directory.Exists(output.FullName), "run wrote a report folder for refused input");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ValidateRefusesTheBadInputWithExitCodeTwo(string name)
    {
        var bad = BadInputCase.Named(name);
        var (exit, text) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () =>
            Task.FromResult(ValidateCommand.Run(console, new FileInfo(bad.SpecPath), allowLarge: false, show: 3))));
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        bad.AssertReported(text);
    }

    [Fact]
    public async Task AFiftyMegabyteSpecIsRefusedBeforeItIsRead()
    {
        using var dir = new TempDirectory();
        var path = dir.File("huge.yaml");
        const long size = 50L * 1024 * 1024;
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(SmallValid + "\n# padding\n"));
            stream.SetLength(size); // sparse: the rest is never written
        }
        var output = new DirectoryInfo(Path.Combine(dir.Path, "out"));
        foreach (var command in new Func<Spectre.Console.IAnsiConsole, Task<int>>[]
                 {
                     console => RunCommand.RunAsync(console, new FileInfo(path), "bad-huge", 1, output, false, CancellationToken.None),
                     console => Task.FromResult(ValidateCommand.Run(console, new FileInfo(path), false, 3)),
                 })
        {
            var (exit, text) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () => command(console)));
            Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
            Assert.Contains("huge.yaml", text);
            Assert.Contains($"the file is {size:N0} bytes", text);
            Assert.Contains("the limit for a spec is 1,048,576 bytes", text);
        }
        Assert.False(Directory.Exists(output.FullName));
    }

    [Fact]
    public void RunWithAPathIdIsRefusedWithExitCodeTwo()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("small.yaml", SmallValid);
        var (exit, text) = CliRunner.Process("run", spec, "--id", "../x", "--output", Path.Combine(dir.Path, "out"));
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains("'../x'", text);
        Assert.Contains("letters, digits", text);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    /// <summary>A malformed id can be refused without a cluster, so it should be refused before connecting. Today the
    /// commands connect first: with no silo this waits for the Orleans client to give up (about 3 minutes here) and
    /// exits 1 with "no SweepCluster silo answered", never naming the id. report, cancel and watch behave the same;
    /// only status is run here, to keep the class from taking 12 minutes.</summary>
    [Fact]
    public void StatusOfAPathIdIsRefusedWithExitCodeTwoEvenWithoutACluster()
    {
        var (exit, text) = CliRunner.Process("status", "../x", "--gateway-port", UnusedPort().ToString());
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains("'../x'", text);
        Assert.Contains("not a sweep id", text);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
