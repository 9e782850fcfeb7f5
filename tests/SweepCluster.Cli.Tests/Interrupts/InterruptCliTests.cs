// Ctrl+C and SIGTERM at process level, with real signals to a real `sweep` child process (and a real Ctrl+C typed on
// a pseudo-terminal): `run` stops its sweep resumably, writes the partial report, says how to resume and exits 130,
// and `sweep resume` finishes it; a second Ctrl+C exits at once; `watch` and `submit --wait` detach and leave the
// sweep running in the cluster; `train` says how to go on. The 2 s target is measured and logged; the assertions only
// bound a hang.
using System.Runtime.InteropServices;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Interrupts;
using SweepCluster.Cli.Tests.Resilience;
using SweepCluster.Cli.Tests.Store;
using SweepCluster.Core;
using Xunit.Abstractions;

namespace SweepCluster.Cli.Tests.Interrupts;

public sealed class InterruptCliTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Bounds a hang after a signal; the target (2 s) is logged, not asserted.</summary>
    private static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(10);

    private const int QuickstartTrials = 24;

    /// <summary>
    /// Long enough to be caught running in a cluster: 16 trials of a few seconds each, so the sweep is still running
    /// well after the client has detached, whatever the machine's speed.
    /// </summary>
    private const string LongSweep = """
        name: long
        dataset: iris
        model: { hidden: [64, 64] }
        optimizer: { type: sgd }
        learning_rate: [0.05, 0.1]
        batch_size: [4]
        seeds: [1, 2, 3, 4, 5, 6, 7, 8]
        epochs: 3000
        checkpoint_every: 100
        """;

    /// <summary>One trial of many epochs, for `train`.</summary>
    private const string LongTrial = """
        dataset: iris
        validation: 0.2
        model: { hidden: [16] }
        optimizer: { type: sgd }
        learning_rate: 0.05
        batch_size: 16
        epochs: 100000
        seed: 1
        """;

    private readonly TempDirectory _dir = new();

    // Longer trials than the example's (the same 24): on an idle machine the example's sweep could end before the
    // signal that should interrupt it arrived.
    private SignalledProcess StartRun(string id, string store) =>
        SignalledProcess.Start(_dir.Path, null, "run", SweepProcess.LongerQuickstart(_dir.Path), "--id", id, "--slots", "1", "-o", _dir.Path, "--store", store);

    [Fact]
    public async Task The_first_SIGINT_stops_run_with_its_partial_report_and_sweep_resume_finishes_it()
    {
        var store = Path.Combine(_dir.Path, "sigint.db");
        using (var run = StartRun("sigint", store))
        {
            await SweepProcess.WaitForTrialsAsync(store, "sigint", TrialStatus.Completed, 1, SignalledProcess.Bound);
            run.Send(PosixSignal.SIGINT);
            var (exit, took) = await run.WaitForExitAsync(ExitBound);
            log.WriteLine($"SIGINT to exit: {took.TotalSeconds:0.00} s\n{run.Output}");

            Assert.Equal(130, exit);
            Assert.True(run.Printed($"go on with: sweep resume sigint --store {store}"), run.Output);
            Assert.True(File.Exists(Path.Combine(_dir.Path, "quickstart-sigint", "report.md")), run.Output);
            Assert.DoesNotContain("   at ", run.Output);
        }
        var (stopped, _) = await SweepProcess.ReadRowsAsync(store, "sigint");
        Assert.Contains(stopped, t => t.Status != TrialStatus.Completed);

        var (resumed, output) = CliRunner.ProcessIn(_dir.Path, "resume", "sigint", "--store", store, "-o", _dir.Path);

        Assert.True(resumed == 0, output);
        var (trials, _) = await SweepProcess.ReadRowsAsync(store, "sigint");
        Assert.Equal(Enumerable.Range(0, QuickstartTrials), trials.Select(t => t.Trial));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
    }

    [Fact]
    public async Task SIGTERM_stops_run_the_same_way()
    {
        var store = Path.Combine(_dir.Path, "sigterm.db");
        using var run = StartRun("sigterm", store);
        await SweepProcess.WaitForTrialsAsync(store, "sigterm", TrialStatus.Completed, 1, SignalledProcess.Bound);

        run.Send(PosixSignal.SIGTERM);
        var (exit, took) = await run.WaitForExitAsync(ExitBound);
        log.WriteLine($"SIGTERM to exit: {took.TotalSeconds:0.00} s\n{run.Output}");

        Assert.Equal(130, exit);
        Assert.True(run.Printed("partial report written to"), run.Output);
        Assert.True(run.Printed($"go on with: sweep resume sigterm --store {store}"), run.Output);
    }

    [Fact]
    public async Task A_second_SIGINT_exits_at_once()
    {
        var store = Path.Combine(_dir.Path, "twice.db");
        using var run = StartRun("twice", store);
        await SweepProcess.WaitForTrialsAsync(store, "twice", TrialStatus.Completed, 1, SignalledProcess.Bound);

        run.Send(PosixSignal.SIGINT);
        await run.WaitForOutputAsync(InterruptSignals.FirstRequestMessage); // two signals sent at once would arrive as one
        run.Send(PosixSignal.SIGINT);
        var (exit, took) = await run.WaitForExitAsync(ExitBound);
        log.WriteLine($"two SIGINTs to exit: {took.TotalSeconds:0.00} s\n{run.Output}");

        Assert.Equal(130, exit);
        Assert.True(run.Printed("interrupted again: exiting now"), run.Output);
    }

    [Fact]
    public async Task Ctrl_C_typed_on_a_terminal_stops_run_under_its_live_display()
    {
        var store = Path.Combine(_dir.Path, "terminal.db");
        using var run = SignalledProcess.StartOnTerminal(_dir.Path, "run", SweepProcess.LongerQuickstart(_dir.Path), "--id", "terminal", "--slots", "1", "-o", _dir.Path, "--store", store);
        await SweepProcess.WaitForTrialsAsync(store, "terminal", TrialStatus.Completed, 1, SignalledProcess.Bound);

        run.PressCtrlC();
        var (exit, took) = await run.WaitForExitAsync(ExitBound);
        log.WriteLine($"Ctrl+C to exit: {took.TotalSeconds:0.00} s\n{run.Output}");

        Assert.Equal(130, exit);
        Assert.True(run.Printed("go on with: sweep resume terminal"), run.Output);
    }

    [Fact]
    public async Task SIGINT_detaches_watch_and_the_sweep_goes_on_in_the_cluster()
    {
        await using var silos = await GatewaySilos.StartAsync(1);
        var spec = _dir.File("long.yaml", LongSweep);
        var (submitted, output) = CliRunner.ProcessWith(_dir.Path, CliProcesses.GenerousTimeouts, ["submit", spec, "--id", "watched", .. silos.Flags]);
        Assert.True(submitted == 0, output);

        using (var watch = SignalledProcess.Start(_dir.Path, CliProcesses.GenerousTimeouts, ["watch", "watched", .. silos.Flags]))
        {
            await watch.WaitForOutputAsync(" running");
            watch.Send(PosixSignal.SIGINT);
            var (exit, took) = await watch.WaitForExitAsync(ExitBound);
            log.WriteLine($"SIGINT to exit: {took.TotalSeconds:0.00} s\n{watch.Output}");

            Assert.Equal(130, exit);
            Assert.True(watch.Printed("follow it again with `sweep watch watched`"), watch.Output);
        }
        await AssertStillRunningAndCancelAsync(silos, "watched");
    }

    [Fact]
    public async Task SIGINT_detaches_submit_wait_and_the_sweep_goes_on_in_the_cluster()
    {
        await using var silos = await GatewaySilos.StartAsync(1);
        var spec = _dir.File("long.yaml", LongSweep);

        using (var submit = SignalledProcess.Start(_dir.Path, CliProcesses.GenerousTimeouts, ["submit", spec, "--id", "waited", "--wait", .. silos.Flags]))
        {
            await submit.WaitForOutputAsync(" running");
            submit.Send(PosixSignal.SIGINT);
            var (exit, took) = await submit.WaitForExitAsync(ExitBound);
            log.WriteLine($"SIGINT to exit: {took.TotalSeconds:0.00} s\n{submit.Output}");

            Assert.Equal(130, exit);
            Assert.True(submit.Printed("follow it again with `sweep watch waited`"), submit.Output);
        }
        await AssertStillRunningAndCancelAsync(silos, "waited");
    }

    [Fact]
    public async Task SIGINT_interrupts_train_with_the_resume_hint()
    {
        var spec = _dir.File("trial.yaml", LongTrial);
        var checkpoint = Path.Combine(_dir.Path, "trial.ckpt");
        using var train = SignalledProcess.Start(_dir.Path, null, "train", spec, "--checkpoint", checkpoint);
        await train.WaitForOutputAsync("2/100000");

        train.Send(PosixSignal.SIGINT);
        var (exit, took) = await train.WaitForExitAsync(ExitBound);
        log.WriteLine($"SIGINT to exit: {took.TotalSeconds:0.00} s\n{train.Output}");

        Assert.Equal(130, exit);
        Assert.True(train.Printed($"continue with --resume {checkpoint}"), train.Output);
        Assert.True(File.Exists(checkpoint));
    }

    private static async Task AssertStillRunningAndCancelAsync(GatewaySilos silos, string sweepId)
    {
        var coordinator = silos.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        Assert.Equal(SweepStatus.Running, (await coordinator.GetProgressAsync())!.Status);
        await coordinator.CancelAsync();
    }

    public void Dispose() => _dir.Dispose();
}
