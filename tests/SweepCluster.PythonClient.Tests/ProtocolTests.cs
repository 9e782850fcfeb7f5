// A real training script (Scripts/trainer.py) using the sweepcluster package, run as SweepCluster runs an external
// trainer: a trial file named by SWEEPCLUSTER_TRIAL, report lines read from its stdout, decisions written to its
// stdin, a real SIGTERM to stop it. Every outcome checked is the script's own: its lines, exit code and files.
using System.Text.Json.Nodes;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;
using SweepCluster.PythonClient.Tests.Support;

namespace SweepCluster.PythonClient.Tests;

public sealed class ProtocolTests : IDisposable
{
    private const int TrainingRows = 1000; // Scripts/trainer.py's ROWS
    private readonly TrialFile _trial = new();

    public void Dispose() => _trial.Dispose();

    [Fact]
    public async Task TrialReadsEveryFieldOfTheFile()
    {
        var document = _trial.Example(epochs: 20, decisionEpochs: [1, 3, 9], resumeFromEpoch: 2);
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(document), "fields");
        var line = await script.WaitForLineAsync(l => l.StartsWith("fields ", StringComparison.Ordinal), "the fields line");
        Assert.Equal(0, await script.ExitCodeAsync());

        var fields = JsonNode.Parse(line["fields ".Length..])!.AsObject();
        Assert.Equal("quickstart-3f2a", (string)fields["sweep_id"]!);
        Assert.Equal("quickstart", (string)fields["sweep_name"]!);
        Assert.Equal(7, (int)fields["trial"]!);
        Assert.Equal(3, (int)fields["combination"]!);
        Assert.Equal(1, (int)fields["attempt"]!);
        Assert.Equal(2, (int)fields["seed"]!);
        Assert.Equal(20, (int)fields["epochs"]!);
        Assert.Equal(2, (int)fields["resume_from_epoch"]!);
        Assert.Equal(_trial.CheckpointDir, (string)fields["checkpoint_dir"]!);
        Assert.Equal("PosixPath", (string)fields["checkpoint_dir_is_path"]!);
        Assert.Equal([1, 3, 9], fields["decision_epochs"]!.AsArray().Select(e => (int)e!));
        foreach (var key in new[] { "learning_rate", "weight_decay", "batch_size", "params" })
            Assert.True(JsonNode.DeepEquals(document[key], fields[key]), $"{key}: {fields[key]} differs from {document[key]}");
        Assert.False((bool)fields["should_stop"]!);
    }

    [Fact]
    public async Task ReportAndAppliedLinesFollowTheContract()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 4)), "train");
        script.CloseInput();
        Assert.Equal(0, await script.ExitCodeAsync());

        var json = script.Output.Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var reports = json.Where(o => o.ContainsKey("epoch")).ToList();
        var applied = json.Where(o => o.ContainsKey("applied")).Select(o => o["applied"]!.AsObject()).ToList();
        Assert.Equal([1, 2, 3, 4], reports.Select(r => (int)r["epoch"]!));
        foreach (var report in reports)
        {
            var epoch = (int)report["epoch"]!;
            Assert.Equal(["epoch", "train_loss", "val_accuracy", "grad_norm"], report.Select(p => p.Key));
            Assert.Equal(1.0 / epoch, (double)report["train_loss"]!);
            Assert.Equal(0.5 + 0.01 * epoch, (double)report["val_accuracy"]!);
            Assert.Null(report["grad_norm"]);
        }
        Assert.Contains("finished, leftover ''", script.Output);

        // What the script applied is what the engine computes for the same specs: the batch size on the epoch clock,
        // the learning rate at the epoch's first step (the script takes T = that epoch's steps per epoch × epochs).
        Assert.Equal(4, applied.Count);
        var batchSpec = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1, Max = 256, Every = ScheduleClock.Epoch };
        var batches = Enumerable.Range(0, 4).Select(e => BatchSizeRounding.Apply(
            ScheduleFactory.Create(batchSpec, ScheduleTarget.BatchSize, new(0, 4, [], 1.0)).ValueAt(e), 1, 256, TrainingRows)).ToArray();
        long steps = 0;
        for (var e = 0; e < 4; e++)
        {
            var stepsPerEpoch = (TrainingRows + batches[e] - 1) / batches[e];
            var lrSpec = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001, Warmup = 50, Every = ScheduleClock.Step };
            var lr = ScheduleFactory.Create(lrSpec, ScheduleTarget.LearningRate, new(stepsPerEpoch * 4L, 4, [], 1.0)).ValueAt(steps);
            Assert.Equal(batches[e], (int)applied[e]["batch_size"]!);
            var appliedRate = (double)applied[e]["learning_rate"]!;
            Assert.True(Math.Abs(lr - appliedRate) <= 1e-12 * lr, $"epoch {e + 1}: engine {lr:R}, applied {appliedRate:R}");
            Assert.Equal(0.0001, (double)applied[e]["weight_decay"]!);
            steps += stepsPerEpoch;
        }
        Assert.Equal("4", File.ReadAllText(Path.Combine(_trial.CheckpointDir, "last_epoch")));
    }

    [Theory]
    [InlineData("bad-name", "report: metric name 'Val_Accuracy' is not valid; names match [a-z][a-z0-9_]*")]
    [InlineData("nan", "report: metric 'train_loss': nan is not a finite number")]
    [InlineData("float-epoch", "report: epoch must be an int (the number of epochs completed, 1-based), found 1.0 (float)")]
    [InlineData("out-of-order", "report: epoch 3 is out of order")]
    public async Task AnInvalidReportRaisesValueErrorAndPrintsNothing(string mode, string message)
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example()), mode);
        Assert.Equal(1, await script.ExitCodeAsync());
        Assert.Contains($"ValueError: {message}", script.Errors);
        var printed = mode == "out-of-order" ? new[] { """{"epoch": 1, "train_loss": 0.5}""" } : [];
        Assert.Equal(printed, script.Output);
    }

    [Fact]
    public async Task ADecisionEpochWaitsForTheDecisionLineAndReadsNothingBeyondIt()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 3, decisionEpochs: [2])), "train");
        await script.WaitForLineAsync(l => l.StartsWith("{\"epoch\": 2,", StringComparison.Ordinal), "the epoch 2 report");
        Assert.DoesNotContain(script.Output, l => l.StartsWith("{\"epoch\": 3,", StringComparison.Ordinal));

        // The decision and one more line in a single write: the helper takes only its own line.
        script.WriteLine("{\"decision\": \"continue\"}\nextra");
        script.CloseInput();
        Assert.Equal(0, await script.ExitCodeAsync());

        var output = script.Output;
        var decision = output.ToList().IndexOf("decision continue");
        Assert.True(decision > 0, $"no decision line in:\n{string.Join('\n', output)}");
        Assert.StartsWith("{\"epoch\": 2,", output[decision - 1]);
        Assert.Contains(output.Skip(decision), l => l.StartsWith("{\"epoch\": 3,", StringComparison.Ordinal));
        Assert.Equal("finished, leftover 'extra'", output[^1]);
    }

    [Fact]
    public async Task ADecisionEpochDoesNotWaitWhenStdinIsClosed()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 3, decisionEpochs: [1, 2])), "train");
        script.CloseInput();
        Assert.Equal(0, await script.ExitCodeAsync());
        Assert.Equal(3, script.Output.Count(l => l.StartsWith("{\"epoch\":", StringComparison.Ordinal)));
        Assert.DoesNotContain(script.Output, l => l.StartsWith("decision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigtermDuringTheDecisionWaitStopsAfterThatEpochWithExitCodeZero()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 5, decisionEpochs: [1])), "train");
        await script.WaitForLineAsync(l => l.StartsWith("{\"epoch\": 1,", StringComparison.Ordinal), "the epoch 1 report");
        script.Terminate();

        Assert.Equal(0, await script.ExitCodeAsync());
        Assert.Equal("stopping after epoch 1", script.Output[^1]);
        Assert.Single(script.Output, l => l.StartsWith("{\"epoch\":", StringComparison.Ordinal));
        Assert.Equal("1", File.ReadAllText(Path.Combine(_trial.CheckpointDir, "last_epoch")));
    }

    [Fact]
    public async Task SigtermDuringAnEpochLetsTheScriptFinishAndCheckpointIt()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 5)), "train", "pause-in-epoch-2");
        await script.WaitForLineAsync(l => l == "working on epoch 2", "epoch 2's work");
        script.Terminate();
        script.WriteLine("go"); // the epoch's work goes on after the signal

        Assert.Equal(0, await script.ExitCodeAsync());
        Assert.Equal([1, 2], script.Output.Where(l => l.StartsWith("{\"epoch\":", StringComparison.Ordinal)).Select(l => (int)JsonNode.Parse(l)!["epoch"]!));
        Assert.Equal("stopping after epoch 2", script.Output[^1]);
        Assert.Equal("2", File.ReadAllText(Path.Combine(_trial.CheckpointDir, "last_epoch")));
        Assert.Equal("", script.Errors);
    }

    [Fact]
    public async Task AResumedTrialReportsFromTheEpochAfterTheCheckpoint()
    {
        using var script = ScriptProcess.Start("trainer.py", _trial.Write(_trial.Example(epochs: 5, resumeFromEpoch: 3)), "train");
        script.CloseInput();
        Assert.Equal(0, await script.ExitCodeAsync());
        Assert.Equal([4, 5], script.Output.Where(l => l.StartsWith("{\"epoch\":", StringComparison.Ordinal)).Select(l => (int)JsonNode.Parse(l)!["epoch"]!));
    }

    public enum BadTrial { Unset, MissingFile, Malformed, OtherProtocol, MissingField, WrongType }

    [Theory]
    [InlineData(BadTrial.Unset, "SWEEPCLUSTER_TRIAL is not set")]
    [InlineData(BadTrial.MissingFile, "the trial file does not exist")]
    [InlineData(BadTrial.Malformed, "the trial file is not valid JSON")]
    [InlineData(BadTrial.OtherProtocol, "protocol is 2, this helper speaks protocol 1")]
    [InlineData(BadTrial.MissingField, "field 'seed' is missing")]
    [InlineData(BadTrial.WrongType, "field 'epochs' must be an integer, found \"20\"")]
    public async Task AnUnreadableTrialIsAClearError(BadTrial bad, string message)
    {
        var document = _trial.Example();
        string? path = bad switch
        {
            BadTrial.Unset => null,
            BadTrial.MissingFile => _trial.MissingPath,
            BadTrial.Malformed => _trial.Write("{\"protocol\": 1, \"sweep_id\": "),
            BadTrial.OtherProtocol => _trial.Write(With(document, "protocol", 2)),
            BadTrial.MissingField => _trial.Write(Without(document, "seed")),
            BadTrial.WrongType => _trial.Write(With(document, "epochs", "20")),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };
        using var script = ScriptProcess.Start("trainer.py", path, "trial-only");
        Assert.NotEqual(0, await script.ExitCodeAsync());
        Assert.Contains("sweepcluster.TrialError: ", script.Errors);
        Assert.Contains(message, script.Errors);
        if (path is not null) Assert.Contains($"SWEEPCLUSTER_TRIAL={path}", script.Errors);
    }

    private static JsonObject With(JsonObject document, string key, JsonNode value)
    {
        var copy = document.DeepClone().AsObject();
        copy[key] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject document, string key)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    [Fact]
    public async Task ATrainerWhoseSiloDiedStopsOnItsOwn()
    {
        // A silo that is killed cannot send SIGTERM: its trainer is re-parented, and should_stop() sees it. The shell
        // stands in for the silo: it starts the trainer, waits until it has read its trial, and exits.
        var marker = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"orphan-{Guid.NewGuid():N}");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("\"$0\" \"$1\" orphan \"$2\" & while [ ! -e \"$2.ready\" ]; do sleep 0.05; done");
        start.ArgumentList.Add(Python.Executable);
        start.ArgumentList.Add(Python.Script("trainer.py"));
        start.ArgumentList.Add(marker);
        start.Environment["PYTHONPATH"] = Python.ClientPath;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["SWEEPCLUSTER_TRIAL"] = _trial.Write(_trial.Example(epochs: 3));
        using (var shell = System.Diagnostics.Process.Start(start)!) await shell.WaitForExitAsync();
        try
        {
            var deadline = DateTime.UtcNow + ScriptProcess.Bound;
            while (!File.Exists(marker) && DateTime.UtcNow < deadline) await Task.Delay(50);
            Assert.Equal("stopped", File.ReadAllText(marker));
        }
        finally
        {
            File.Delete(marker);
            File.Delete(marker + ".ready");
        }
    }
}
