// Stopping a trainer: on the token, on its timeout and when the observer fails; SIGTERM first, SIGKILL of the whole
// tree after the grace, and no process left behind.
namespace SweepCluster.External.Tests;

public sealed class ExternalTrialProcessStopTests
{
    [Fact]
    public async Task A_trainer_that_runs_past_its_timeout_is_stopped_and_timed_out()
    {
        using var script = new TrainerScript("""
            write_pid("trainer.pid", os.getpid())
            report(1, val_accuracy=0.5)
            err("sleeping")
            time.sleep(60)
            """);
        var command = script.Command(timeout: TimeSpan.FromSeconds(1));

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.TimedOut, outcome.End);
        Assert.True(outcome.MayRetry);
        Assert.Equal(1, outcome.LastEpoch);
        Assert.Equal(143, outcome.ExitCode); // Python's default SIGTERM action: 128 + 15
        Assert.Equal($"{TrainerScript.Label} timed out after epoch 1: it ran longer than its timeout of 1 s; last line of stderr: sleeping", outcome.Message);
        await Processes.AssertGoneAsync(script.PidFrom("trainer.pid"));
    }

    [Fact]
    public async Task The_token_stops_a_trainer_that_handles_sigterm_and_exits_cleanly()
    {
        using var script = new TrainerScript("""
            stop = False
            def on_term(signum, frame):
                global stop
                stop = True
            signal.signal(signal.SIGTERM, on_term)
            report(1, val_accuracy=0.5)
            log("ready")
            while not stop:
                time.sleep(0.05)
            log("saved the checkpoint, exiting")
            """);
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver { WhenLog = line => { if (line.Text == "ready") stop.Cancel(); } };

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer, stop.Token);

        Assert.Equal(ExternalTrialEnd.Stopped, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.False(outcome.MayRetry);
        Assert.Equal(1, outcome.LastEpoch);
        Assert.Equal(["ready", "saved the checkpoint, exiting"], observer.Stdout);
        Assert.Equal($"{TrainerScript.Label} was stopped after epoch 1", outcome.Message);
    }

    [Fact]
    public async Task A_trainer_that_ignores_sigterm_is_killed_with_its_children_after_the_grace()
    {
        using var script = new TrainerScript("""
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            child = subprocess.Popen([sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"])
            write_pid("trainer.pid", os.getpid())
            write_pid("child.pid", child.pid)
            log("ready")
            time.sleep(60)
            """);
        using var stop = new CancellationTokenSource();
        var observer = new RecordingObserver { WhenLog = line => { if (line.Text == "ready") stop.Cancel(); } };
        var command = script.Command(stopGrace: TimeSpan.FromMilliseconds(300));

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(observer, stop.Token);

        Assert.Equal(ExternalTrialEnd.Stopped, outcome.End);
        Assert.Equal(137, outcome.ExitCode); // 128 + SIGKILL
        Assert.Equal(
            $"{TrainerScript.Label} was stopped before its first epoch; it was killed (SIGKILL) when it had not exited 0.3 s after SIGTERM",
            outcome.Message);
        await Processes.AssertGoneAsync(script.PidFrom("trainer.pid"));
        await Processes.AssertGoneAsync(script.PidFrom("child.pid"));
    }

    [Fact]
    public async Task A_token_cancelled_before_the_start_starts_nothing()
    {
        using var script = new TrainerScript("""
            open("started", "w").close()
            report(1)
            """);

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(new RecordingObserver(), new CancellationToken(true));

        Assert.Equal(ExternalTrialEnd.Stopped, outcome.End);
        Assert.Null(outcome.ExitCode);
        Assert.False(File.Exists(Path.Combine(script.Directory, "started")));
    }

    [Fact]
    public async Task An_observer_that_throws_kills_the_trainer_and_the_exception_propagates()
    {
        using var script = new TrainerScript("""
            write_pid("trainer.pid", os.getpid())
            report(1, val_accuracy=0.5)
            time.sleep(60)
            """);
        var observer = new RecordingObserver { WhenEpoch = _ => throw new InvalidOperationException("observer bug") };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer));

        Assert.Equal("observer bug", error.Message);
        await Processes.AssertGoneAsync(script.PidFrom("trainer.pid"));
    }

    [Fact]
    public async Task A_trial_process_runs_once()
    {
        using var script = new TrainerScript("report(1)", epochs: 1);
        var trial = new ExternalTrialProcess(script.Command(), script.Run);
        await trial.RunAsync(new RecordingObserver());

        await Assert.ThrowsAsync<InvalidOperationException>(() => trial.RunAsync(new RecordingObserver()));
    }
}
