// Trainers that fail: crashes, short runs, malformed report lines, and commands that cannot start.
namespace SweepCluster.External.Tests;

public sealed class ExternalTrialProcessFailureTests
{
    [Fact]
    public async Task A_crash_fails_with_its_exit_code_and_the_last_twenty_lines_of_stderr()
    {
        using var script = new TrainerScript("""
            report(1, val_accuracy=0.5)
            for i in range(25):
                err(f"traceback line {i}")
            sys.exit(3)
            """);

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.Failed, outcome.End);
        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal(1, outcome.EpochsReported);
        Assert.True(outcome.MayRetry);
        Assert.Equal(Enumerable.Range(5, 20).Select(i => $"traceback line {i}"), outcome.StderrTail);
        Assert.Equal(
            $"{TrainerScript.Label} failed: {Python.Path} exited with code 3 after epoch 1; last line of stderr: traceback line 24",
            outcome.Message);
    }

    [Fact]
    public async Task Exit_zero_without_an_epoch_is_no_epoch_reported()
    {
        using var script = new TrainerScript("""
            log("{'loss': 0.5}")
            log("finished, but forgot to report")
            """);

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.NoEpochReported, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(0, outcome.EpochsReported);
        Assert.True(outcome.MayRetry);
        Assert.Contains($"{TrainerScript.Label} failed:", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("without reporting an epoch", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("from epoch 1 to 3", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_zero_after_fewer_epochs_than_planned_fails()
    {
        using var script = new TrainerScript("""
            report(1, val_accuracy=0.5)
            report(2, val_accuracy=0.6)
            """);

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.Failed, outcome.End);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(2, outcome.EpochsReported);
        Assert.Equal($"{TrainerScript.Label} failed: {Python.Path} exited with code 0 but reported 2 of 3 epochs", outcome.Message);
    }

    [Fact]
    public async Task A_resumed_run_that_reports_the_resume_epoch_again_is_malformed()
    {
        using var script = new TrainerScript("""
            report(2, val_accuracy=0.5)
            report(3, val_accuracy=0.6)
            time.sleep(60)
            """, epochs: 5, resumeFromEpoch: 2);
        var observer = new RecordingObserver();

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.MalformedReport, outcome.End);
        Assert.Empty(observer.Epochs);
        Assert.Equal(2, outcome.LastEpoch);
        Assert.Equal(1, outcome.Malformed!.LineNumber);
        Assert.Contains("stdout line 1: {\"epoch\": 2, \"val_accuracy\": 0.5}", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("the last was 2 (resume_from_epoch)", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("the next report is epoch 3", outcome.Message, StringComparison.Ordinal);
    }

    // the Python statement printing the bad line, the line as printed, a fragment of the reason
    [Theory]
    [InlineData("print({'epoch': 1, 'val_accuracy': 0.9}, flush=True)", "{'epoch': 1, 'val_accuracy': 0.9}", "double quotes")]
    [InlineData("report(1.5, val_accuracy=0.9)", """{"epoch": 1.5, "val_accuracy": 0.9}""", "must be an integer")]
    [InlineData("report(1, val_accuracy=float('nan'))", """{"epoch": 1, "val_accuracy": NaN}""", "finite numbers, not NaN")]
    [InlineData("report(2, val_accuracy=0.9)", """{"epoch": 2, "val_accuracy": 0.9}""", "out of order")]
    public async Task A_malformed_line_fails_the_trial_with_its_line_number_and_stops_the_trainer(string statement, string line, string reason)
    {
        using var script = new TrainerScript($"""
            write_pid("trainer.pid", os.getpid())
            log("starting")
            {statement}
            time.sleep(60)
            """);
        var observer = new RecordingObserver();

        var outcome = await new ExternalTrialProcess(script.Command(), script.Run).RunAsync(observer);

        Assert.Equal(ExternalTrialEnd.MalformedReport, outcome.End);
        Assert.False(outcome.MayRetry);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Equal(new MalformedReportLine(2, line, outcome.Malformed!.Reason, outcome.Malformed.Expected), outcome.Malformed);
        Assert.Contains(reason, outcome.Malformed.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{TrainerScript.Label} failed: malformed report on stdout line 2: {line} (", outcome.Message, StringComparison.Ordinal);
        Assert.EndsWith($" Expected {outcome.Malformed.Expected}.", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(["starting"], observer.Stdout);
        Assert.Empty(observer.Epochs);
        await Processes.AssertGoneAsync(script.PidFrom("trainer.pid"));
    }

    [Theory]
    [InlineData("sweepcluster-no-such-trainer", "its program sweepcluster-no-such-trainer is not found on PATH")]
    [InlineData("./missing.py", "/missing.py) does not exist")]
    [InlineData("./train.py", "/train.py) is not executable")]
    [InlineData("./", ") is a directory")]
    public async Task A_program_that_cannot_be_found_or_run_is_command_not_found(string program, string problem)
    {
        using var script = new TrainerScript("report(1)");
        var command = script.Command() with { Argv = [program, "--flag"] };

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.CommandNotFound, outcome.End);
        Assert.Null(outcome.ExitCode);
        Assert.False(outcome.MayRetry);
        Assert.StartsWith($"{TrainerScript.Label} cannot start: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(problem, outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_found_through_the_trainers_own_path_runs()
    {
        using var script = new TrainerScript("report(1)", epochs: 1);
        var command = script.Command(environment: new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(Python.Path)! }) with
        {
            Argv = [Path.GetFileName(Python.Path), "train.py"],
        };

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.Completed, outcome.End);
    }

    [Fact]
    public async Task A_missing_workdir_is_workdir_missing()
    {
        using var script = new TrainerScript("report(1)");
        var missing = Path.Combine(script.Directory, "no-such-dir");
        var command = script.Command() with { WorkingDirectory = missing };

        var outcome = await new ExternalTrialProcess(command, script.Run).RunAsync(new RecordingObserver());

        Assert.Equal(ExternalTrialEnd.WorkdirMissing, outcome.End);
        Assert.Null(outcome.ExitCode);
        Assert.False(outcome.MayRetry);
        Assert.Equal($"{TrainerScript.Label} cannot start: its working directory {missing} does not exist", outcome.Message);
    }
}
