// Trainers that run to their end: real python3 processes speaking the protocol.
namespace SweepCluster.External.Tests;

public sealed class ExternalTrialProcessRunTests
{
    [Fact]
    public async Task A_three_epoch_run_reports_applies_logs_and_completes()
    {
        using var script = new TrainerScript("""
            log("loading data")
            for epoch in range(START, EPOCHS + 1):
                print(json.dumps({"applied": {"learning_rate": 0.1 / epoch, "weight_decay": 0.0001, "batch_size": 32 * epoch}}), flush=True)
                err(f"warning in epoch {epoch}")
                log(f"training epoch {epoch}")
                report(epoch, val_accuracy=0.5 + epoch / 10, train_loss=1.0 / epoch, val_loss=None)
            log("done")
            """);
        var observer = new RecordingObserver();

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(3, outcome.EpochsReported);
        Assert.Equal(3, outcome.LastEpoch);
        Assert.False(outcome.MayRetry);
        Assert.Null(outcome.Malformed);
        Assert.Equal($"{TrainerScript.Label} completed its 3 epochs", outcome.Message);
        Assert.Equal([1, 2, 3], observer.Epochs.Select(e => e.Epoch));
        Assert.Equal([0.6, 0.7, 0.8], observer.Epochs.Select(e => e.Metrics["val_accuracy"]!.Value), new ToleranceComparer(1e-12));
        Assert.Equal(["val_accuracy", "train_loss", "val_loss"], observer.Epochs[0].Metrics.Keys);
        Assert.Null(observer.Epochs[2].Metrics["val_loss"]);
        Assert.Equal([1, 2, 3], observer.Applied.Select(a => a.Epoch));
        Assert.Equal([32, 64, 96], observer.Applied.Select(a => a.Applied.BatchSize!.Value));
        Assert.Equal(0.05, observer.Applied[1].Applied.LearningRate);
        Assert.Equal(["loading data", "training epoch 1", "training epoch 2", "training epoch 3", "done"], observer.Stdout);
        Assert.Equal(["warning in epoch 1", "warning in epoch 2", "warning in epoch 3"], observer.Stderr);
        Assert.Equal(["warning in epoch 1", "warning in epoch 2", "warning in epoch 3"], outcome.StderrTail);
        // stdout line numbers count every line, reports included: "loading data", applied, log, report, ...
        Assert.Equal([1, 3, 6, 9, 11], observer.Logs.Where(l => l.Stream == TrainerStream.Stdout).Select(l => l.LineNumber));
    }

    [Fact]
    public async Task A_resumed_run_reports_from_the_epoch_after_the_resume_epoch()
    {
        using var script = new TrainerScript("""
            log(f"resuming at {START}")
            for epoch in range(START, EPOCHS + 1):
                report(epoch, val_accuracy=0.9)
            """, epochs: 5, resumeFromEpoch: 2);
        var observer = new RecordingObserver();

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
        Assert.Equal(3, outcome.EpochsReported);
        Assert.Equal(5, outcome.LastEpoch);
        Assert.Equal([3, 4, 5], observer.Epochs.Select(e => e.Epoch));
        Assert.Equal(["resuming at 3"], observer.Stdout);
    }

    [Fact]
    public async Task The_decision_line_reaches_a_trainer_that_reads_stdin()
    {
        using var script = new TrainerScript("""
            for epoch in range(START, EPOCHS + 1):
                report(epoch, val_accuracy=0.9)
                if epoch in trial["decision_epochs"]:
                    log("got " + sys.stdin.readline().strip())
            """);
        ExternalTrialProcess? trial = null;
        var observer = new RecordingObserver { WhenEpoch = report => trial!.SendContinue() };
        trial = new ExternalTrialProcess(script.Command(), script.Run);

        var outcome = await trial.RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
        Assert.Equal(["got " + ExternalTrialProcess.ContinueLine], observer.Stdout);
    }

    [Fact]
    public async Task Decisions_to_a_trainer_that_never_reads_stdin_block_nothing()
    {
        using var script = new TrainerScript("""
            os.close(0)
            for epoch in range(START, EPOCHS + 1):
                report(epoch, val_accuracy=0.9)
            """);
        ExternalTrialProcess? trial = null;
        var observer = new RecordingObserver { WhenEpoch = report => trial!.SendContinue() };
        trial = new ExternalTrialProcess(script.Command(), script.Run);

        var outcome = await trial.RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
        trial.SendContinue(); // after the end: ignored
    }

    [Fact]
    public async Task The_trial_file_variable_the_extra_environment_and_the_workdir_reach_the_trainer()
    {
        using var script = new TrainerScript("""
            log("trial=" + os.environ["SWEEPCLUSTER_TRIAL"])
            log("extra=" + os.environ["SWEEP_TEST_EXTRA"])
            log("cwd=" + os.getcwd())
            log("argv=" + "|".join(sys.argv[1:]))
            report(1, val_accuracy=trial["trial"] / 10)
            """, epochs: 1);
        var command = script.Command(environment: new Dictionary<string, string> { ["SWEEP_TEST_EXTRA"] = "a value with spaces" }) with
        {
            Argv = [Python.Path, "train.py", "--width", "two words", ""],
        };
        var observer = new RecordingObserver();

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
        Assert.Equal(
            [$"trial={script.TrialFile}", "extra=a value with spaces", $"cwd={script.Directory}", "argv=--width|two words|"],
            observer.Stdout);
        Assert.Equal(0.7, observer.Epochs[0].Metrics["val_accuracy"]);
    }

    [Fact]
    public async Task A_relative_program_is_found_in_the_workdir()
    {
        using var script = new TrainerScript("");
        File.WriteAllText(Path.Combine(script.Directory, "train.sh"), "#!/bin/sh\necho '{\"epoch\": 1}'\n");
        File.SetUnixFileMode(Path.Combine(script.Directory, "train.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var command = script.Command() with { Argv = ["./train.sh"] };

        var outcome = await new ExternalTrialProcess(command, new ExternalTrialRun(TrainerScript.Label, script.TrialFile, 1)).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
