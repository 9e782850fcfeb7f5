// What `sweep submit` and `sweep watch` print, at process level against real silos with TCP gateways: submit's
// standard output is the sweep id alone (`ID=$(sweep submit SPEC)`), everything else is on standard error; a watch
// that saw its sweep end points to `sweep report ID`.
using System.Diagnostics;
using SweepCluster.Cli.Tests.Resilience;

namespace SweepCluster.Cli.Tests.Output;

public sealed class SubmitOutputCliTests : IDisposable
{
    private const string TinySweep = """
        name: tiny
        dataset: iris
        model: { hidden: [4] }
        optimizer: { type: sgd }
        learning_rate: [0.05]
        batch_size: [16]
        seeds: [1]
        epochs: 2
        """;

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Submit_prints_the_id_alone_on_standard_output_and_watch_points_to_the_report()
    {
        await using var silos = await GatewaySilos.StartAsync(1);
        var spec = _dir.File("tiny.yaml", TinySweep);

        var (exit, stdout, stderr) = await RunAsync(["submit", spec, "--id", "quiet-id", .. silos.Flags]);

        Assert.True(exit == 0, stderr);
        Assert.Equal("quiet-id\n", stdout);
        Assert.Contains("submitted sweep quiet-id (tiny, 1 trial)", stderr);

        var (watched, watchOut, watchErr) = await RunAsync(["watch", "quiet-id", .. silos.Flags]);
        Assert.True(watched == 0, watchOut + watchErr);
        Assert.Contains("full report: `sweep report quiet-id`", watchOut);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sweep.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in CliProcesses.GenerousTimeouts) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(CliProcesses.Bound);
        await process.WaitForExitAsync(bound.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _dir.Dispose();
}
