// The silo program as a real process: a normal start logs no warning (the server garbage collector is configured, and
// the watchdog's clock no longer reports a stall as long as the machine's uptime), a sweep submitted and ended is one
// Information line each, an unknown flag is refused in one line with exit code 2 before anything starts, and so is a
// second silo on this machine whose silo and gateway ports the first already serves (it would be a second cluster).
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SweepCluster.Cli.Tests.Interrupts;
using SweepCluster.Hosting;
using SweepCluster.Cli.Tests.Resilience;
using Xunit.Abstractions;

namespace SweepCluster.Cli.Tests.Silo;

public sealed class SiloProcessTests(ITestOutputHelper log) : IDisposable
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

    /// <summary>What the silo logs once it offers its slots (its start is complete).</summary>
    private const string Started = "training slot";

    private readonly TempDirectory _dir = new();

    /// <summary>The silo program built beside these tests' configuration (silo/bin/Release/net10.0).</summary>
    private static string SiloProgram
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(CliRunner.RepositoryRoot(), "silo", "bin", framework.Parent!.Name, framework.Name, "sweepcluster-silo.dll");
        }
    }

    [Fact]
    public async Task A_normal_start_warns_of_nothing_and_logs_a_line_when_a_sweep_is_submitted_and_when_it_ends()
    {
        var gateway = FreePort();
        var clusterId = $"silo-log-{Guid.NewGuid():N}";
        using var silo = SignalledProcess.StartProgram(SiloProgram, _dir.Path, null,
            "--store", "memory", "--http-port", "0", "--silo-port", FreePort().ToString(), "--gateway-port", gateway.ToString(), "--cluster-id", clusterId);
        await silo.WaitForOutputAsync(Started);

        var spec = _dir.File("tiny.yaml", TinySweep);
        var submit = await CliProcesses.RunAsync(_dir.Path, "submit", spec, "--id", "logged", "--wait", "--gateway", $"127.0.0.1:{gateway}", "--cluster-id", clusterId);
        Assert.True(submit.ExitCode == 0, submit.ToString());
        await silo.WaitForOutputAsync("Sweep logged (tiny) ended: completed");
        silo.Send(PosixSignal.SIGTERM);
        await silo.WaitForExitAsync(SignalledProcess.Bound);
        log.WriteLine(silo.Output);

        Assert.True(silo.Printed("Sweep logged (tiny) submitted; trials: 1"), silo.Output);
        Assert.DoesNotContain("warn:", silo.Output);
        Assert.DoesNotContain("ServerGC", silo.Output);
        Assert.DoesNotContain("deadlock", silo.Output);
    }

    [Fact]
    public async Task A_second_silo_in_another_folder_on_the_same_ports_is_refused_in_one_line_with_exit_code_2_and_the_first_goes_on()
    {
        var siloPort = FreePort().ToString();
        var gatewayPort = FreePort();
        using var otherFolder = new TempDirectory(); // another store: its lock does not stop the second silo, the ports must
        using var first = SignalledProcess.StartProgram(SiloProgram, _dir.Path, null,
            "--http-port", FreePort().ToString(), "--silo-port", siloPort, "--gateway-port", gatewayPort.ToString());
        await first.WaitForOutputAsync($"Silo 127.0.0.1:{siloPort}@"); // its slots offered: Orleans listens (the banner comes before)

        using var second = SignalledProcess.StartProgram(SiloProgram, otherFolder.Path, null,
            "--http-port", "0", "--silo-port", siloPort, "--gateway-port", gatewayPort.ToString());
        var (exit, _) = await second.WaitForExitAsync(SignalledProcess.Bound);
        log.WriteLine(second.Output);

        Assert.Equal(2, exit);
        var line = Assert.Single(second.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: silo port {siloPort} and gateway port {gatewayPort} are already served on this machine", line);
        Assert.Contains($"`sweep submit SPEC --gateway-port {gatewayPort}`", line);
        Assert.Contains("--clustering postgres", line);
        Assert.DoesNotContain("Exception", second.Output);
        Assert.DoesNotContain("   at ", second.Output);
        Assert.False(second.Printed(Started), second.Output);

        Assert.False(first.HasExited, first.Output);
        Assert.True(await LocalPortsInUse.IsServedAsync(gatewayPort, LocalPortsInUse.ConnectTimeout, CancellationToken.None));
    }

    [Theory]
    [InlineData("did you mean --slots?", "--slotz", "4")]
    [InlineData("unexpected argument 'run'", "run")]
    public async Task An_unknown_flag_is_refused_in_one_line_with_exit_code_2(string expected, params string[] arguments)
    {
        using var silo = SignalledProcess.StartProgram(SiloProgram, _dir.Path, null, arguments);
        var (exit, _) = await silo.WaitForExitAsync(SignalledProcess.Bound);

        Assert.Equal(2, exit);
        Assert.True(silo.Printed(expected), silo.Output);
        Assert.Single(silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Configuration_paths_and_a_value_that_looks_like_a_flag_are_still_read()
    {
        using var silo = SignalledProcess.StartProgram(SiloProgram, _dir.Path, null, "--slots", "-1", "--Logging:LogLevel:Default", "Warning");
        var (exit, _) = await silo.WaitForExitAsync(SignalledProcess.Bound);

        Assert.Equal(2, exit);
        Assert.True(silo.Printed("--slots must be 0 (one per processor) or more, got -1"), silo.Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
