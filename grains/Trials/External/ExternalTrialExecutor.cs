// Runs a trial whose spec names the user's own training program: writes its trial file, starts the process in its
// working directory and turns what it reports into the engine's progress (EpochProgress, the same channel the engine
// writes), so the trial grain, the coordinator, the schedulers, the store and the reports treat it as any trial.
//   - Checkpoints: the trial's checkpoint folder, archived (CheckpointArchive) after each epoch whose checkpoint is
//     due (every decision epoch among them) and unpacked before a resumed, moved or PBT-copied attempt starts.
//   - Decisions: after a decision epoch's report the trial waits as the engine's does; "go on" is written to the
//     trainer's stdin, "stop here" becomes SIGTERM (then SIGKILL after its grace), and the run ends Cancelled at the
//     boundary. A cancelled sweep or a silo shutting down stops it the same way.
//   - Failures (a non-zero exit, the timeout, no epoch or too few, a malformed report line, a command or folder that is
//     not there) fail the attempt with a message naming the trial and ending with the trainer's last stderr lines; the
//     sweep's retries rule decides what follows.
//   - Log lines (stdout lines that are no report, and stderr) go to trainer.log in the trial's folder on this silo.
using System.Globalization;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;
using SweepCluster.External;

namespace SweepCluster.Grains.Trials.External;

/// <summary>The executor of trials whose spec names a <c>trainer</c>.</summary>
/// <param name="workRoot">The folder under which each trial gets its own: checkpoint folder, trial files, log.</param>
public sealed class ExternalTrialExecutor(string workRoot) : ITrialExecutor
{
    /// <summary>The default work root: a folder of the machine's temporary folder.</summary>
    public static string DefaultWorkRoot => Path.Combine(Path.GetTempPath(), "sweepcluster-trainers");

    /// <summary>The work root of one silo, named by its address: silos on one machine never share a trial's folder
    /// (an attempt left running by a silo that died must not write into the next attempt's checkpoint folder).</summary>
    public static string WorkRootOf(string silo) =>
        Path.Combine(DefaultWorkRoot, string.Concat(silo.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_')));

    /// <summary>The log file of a trial's trainer, in its folder.</summary>
    public const string LogFile = "trainer.log";

    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress,
        CancellationToken cancellation)
    {
        try
        {
            return RunAsync(assignment, checkpoint, progress, cancellation).GetAwaiter().GetResult();
        }
        finally
        {
            progress.TryComplete();
        }
    }

    /// <summary>The folder of one trial on this silo.</summary>
    public string TrialFolder(string sweepId, int trialIndex) =>
        Path.Combine(workRoot, string.Concat(sweepId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')),
            trialIndex.ToString(CultureInfo.InvariantCulture));

    private async Task<TrainingResult> RunAsync(TrialAssignment assignment, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
    {
        var spec = assignment.Spec;
        var trainer = spec.Trainer ?? throw new ArgumentException("the trial names no trainer", nameof(assignment));
        var label = $"trial {assignment.TrialIndex} of sweep {assignment.SweepId} (attempt {assignment.Attempt})";
        var folder = TrialFolder(assignment.SweepId, assignment.TrialIndex);
        var checkpointFolder = Path.Combine(folder, "checkpoint");
        Directory.CreateDirectory(folder);
        var resume = 0;
        if (checkpoint is not null) resume = CheckpointArchive.Unpack(checkpoint, checkpointFolder);
        else
        {
            if (Directory.Exists(checkpointFolder)) Directory.Delete(checkpointFolder, recursive: true);
            Directory.CreateDirectory(checkpointFolder);
        }
        var trialFile = Path.Combine(folder, $"attempt-{assignment.Attempt}.json");
        await File.WriteAllTextAsync(trialFile, TrialFileContent.Of(assignment, assignment.Combination ?? assignment.TrialIndex, resume, checkpointFolder), cancellation);

        var command = new ExternalTrainerCommand
        {
            Argv = trainer.Command,
            WorkingDirectory = WorkingDirectory(trainer.Workdir, assignment.SpecDirectory),
            Environment = trainer.Env,
            Timeout = trainer.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            StopGrace = TimeSpan.FromSeconds(trainer.StopGraceSeconds),
        };
        var process = new ExternalTrialProcess(command, new ExternalTrialRun(label, trialFile, spec.Epochs, resume));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        await using var log = new StreamWriter(Path.Combine(folder, LogFile), append: true);
        await log.WriteLineAsync($"--- {label}, resuming after epoch {resume}, {DateTimeOffset.UtcNow:O}");
        var observer = new ProgressObserver(assignment, resume, checkpointFolder, progress, process, stop, log);
        var outcome = await process.RunAsync(observer, stop.Token);
        // A completed trial's folder keeps its log and trial files; its checkpoint lives on in the trial's storage.
        if (outcome.End == ExternalTrialEnd.Completed) Directory.Delete(checkpointFolder, recursive: true);
        return outcome.End switch
        {
            ExternalTrialEnd.Completed => new TrainingResult(TrialOutcome.Completed, observer.History, observer.Applied, null),
            ExternalTrialEnd.Stopped => new TrainingResult(TrialOutcome.Cancelled, observer.History, observer.Applied, "stopped"),
            _ => throw new ExternalTrainerException(Describe(outcome)),
        };
    }

    /// <summary>The trainer's working folder: its workdir, relative to the spec file's folder; that folder without one.</summary>
    public static string WorkingDirectory(string? workdir, string? specDirectory)
    {
        var baseFolder = specDirectory ?? Directory.GetCurrentDirectory();
        return workdir is null ? baseFolder : Path.GetFullPath(Path.Combine(baseFolder, workdir));
    }

    private static string Describe(ExternalTrialOutcome outcome)
    {
        if (outcome.StderrTail.Count == 0) return outcome.Message;
        return $"{outcome.Message}; last stderr lines:{Environment.NewLine}{string.Join(Environment.NewLine, outcome.StderrTail)}";
    }

    // Sees the trainer's lines (one at a time) and hands each epoch to the trial grain as the engine's trainer does.
    private sealed class ProgressObserver(
        TrialAssignment assignment,
        int resume,
        string checkpointFolder,
        ChannelWriter<EpochProgress> progress,
        ExternalTrialProcess process,
        CancellationTokenSource stop,
        StreamWriter log) : IExternalTrialObserver
    {
        private readonly ExternalEpochRecords _records = new(assignment.Spec, resume);
        private readonly HashSet<int> _decisionEpochs = [.. assignment.DecisionEpochs ?? []];
        private readonly CheckpointPolicyClock _checkpoints = new(assignment);
        private readonly List<EpochRecord> _history = [];
        private readonly List<double> _learningRates = [];
        private readonly List<double> _weightDecays = [];
        private readonly List<int> _batchSizes = [];

        public IReadOnlyList<EpochRecord> History => _history;

        /// <summary>The values applied, one per epoch (an external trainer's steps are its own).</summary>
        public AppliedSchedule Applied => new(_learningRates, _weightDecays, _batchSizes);

        public void OnEpoch(EpochReport report)
        {
            var record = _records.ToRecord(report);
            _history.Add(record);
            _learningRates.Add(record.LearningRate);
            _weightDecays.Add(record.WeightDecay);
            _batchSizes.Add(record.BatchSize);
            var ask = _decisionEpochs.Contains(record.Epoch);
            var due = _checkpoints.IsDue(record.Epoch, ask);
            var bytes = due ? CheckpointArchive.Pack(checkpointFolder, record.Epoch) : null;
            var decision = ask ? new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
            progress.TryWrite(new EpochProgress(record, bytes, decision));
            // The reply that lets a waiting trainer touch its checkpoint folder again (TrialFileContent.RepliesEveryEpoch).
            if (decision is null) process.SendContinue();
            decision?.Task.ContinueWith(answer =>
            {
                if (answer.Result) process.SendContinue();
                else stop.Cancel(); // stop at this boundary: SIGTERM, then SIGKILL after the grace
            }, TaskScheduler.Default);
        }

        public void OnApplied(int epoch, AppliedReport applied) => _records.Applied(applied);

        public void OnLog(TrainerLogLine line) => log.WriteLine(line.Stream == TrainerStream.Stderr ? $"[stderr] {line.Text}" : line.Text);
    }

    // When a checkpoint is due, as the engine's runner decides it: at every decision epoch, at the last epoch, and by
    // the sweep's checkpoint policy (every N epochs, or after the first epoch ending S seconds after the last).
    private sealed class CheckpointPolicyClock(TrialAssignment assignment)
    {
        private readonly Specs.Sweeps.CheckpointPolicy _policy = assignment.Checkpoints();
        private readonly System.Diagnostics.Stopwatch _since = System.Diagnostics.Stopwatch.StartNew();

        public bool IsDue(int epoch, bool ask)
        {
            var due = ask || epoch == assignment.Spec.Epochs || _policy.IsDue(epoch, _since.Elapsed.TotalSeconds);
            if (due) _since.Restart();
            return due;
        }
    }
}

/// <summary>An external trainer's attempt failed; the message names the trial and ends with its last stderr lines.</summary>
public sealed class ExternalTrainerException(string message) : Exception(message);
