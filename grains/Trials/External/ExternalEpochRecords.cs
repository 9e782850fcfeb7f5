// Turns an external trainer's epoch reports into the engine's EpochRecord rows that the store, the schedulers and the
// reports read: the metrics it knows by name (val_accuracy or val_rmse, val_loss, val_r2, train_loss, train_accuracy
// or train_rmse, step or steps), and the learning rate, weight decay and batch size of the epoch: what the trainer's
// last applied line said, else the schedule's value at the epoch's start (on the step clock: at the steps reported
// by the epoch before, the horizon projected from the steps reported so far). A metric the trainer leaves out is NaN
// (no value); other metrics stay in the trial's log. One instance per attempt.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;
using SweepCluster.External;

namespace SweepCluster.Grains.Trials.External;

public sealed class ExternalEpochRecords(TrialSpec spec, int resumeFromEpoch)
{
    private AppliedReport? _applied;
    private long? _previousStep;
    private int _previousEpoch = resumeFromEpoch;

    /// <summary>An applied line: it holds for the epoch being run (and after it, until the next one).</summary>
    public void Applied(AppliedReport applied) => _applied = applied;

    /// <summary>The record of <paramref name="report"/>.</summary>
    public EpochRecord ToRecord(EpochReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = report.Metrics;
        var step = (long?)(Value(metrics, "step") ?? Value(metrics, "steps"));
        // Epochs come in order (the runner checks it): with none before it in this attempt, a fresh start begins at step 0.
        var startStep = _previousStep ?? (step is not null && _previousEpoch == 0 ? 0 : EstimateStart(step, report.Epoch));
        var totalSteps = step is { } known && report.Epoch > 0 ? (long)Math.Round((double)known / report.Epoch * spec.Epochs) : 0;
        var record = new EpochRecord(
            report.Epoch,
            step ?? 0,
            Value(metrics, "train_loss") ?? double.NaN,
            Value(metrics, "train_accuracy") ?? Value(metrics, "train_rmse") ?? double.NaN,
            Value(metrics, "val_loss"),
            Value(metrics, "val_accuracy") ?? Value(metrics, "val_rmse"),
            Value(metrics, "val_r2"),
            _applied?.LearningRate ?? Scheduled(spec.LearningRate, ScheduleTarget.LearningRate, report.Epoch, startStep, totalSteps),
            _applied?.WeightDecay ?? Scheduled(spec.WeightDecay, ScheduleTarget.WeightDecay, report.Epoch, startStep, totalSteps),
            _applied?.BatchSize ?? (int)Math.Round(Scheduled(spec.BatchSize, ScheduleTarget.BatchSize, report.Epoch, startStep, totalSteps) is var b && double.IsFinite(b) ? b : 0));
        _previousStep = step;
        _previousEpoch = report.Epoch;
        return record;
    }

    // Steps at the start of the epoch when the one before was not reported in this attempt (a resumed trial): the
    // epoch's share of the steps so far.
    private static long? EstimateStart(long? step, int epoch) => step is { } s && epoch > 0 ? s - s / epoch : null;

    private double Scheduled(ScheduleSpec schedule, ScheduleTarget target, int epoch, long? startStep, long totalSteps)
    {
        var clock = schedule.Every ?? ScheduleFactory.DefaultClock(target);
        if (clock == ScheduleClock.Step && startStep is null) return double.NaN; // the trainer reports no steps
        var built = ScheduleFactory.Create(schedule, target, new ScheduleContext(Math.Max(1, totalSteps), spec.Epochs, [], 1.0));
        return built.ValueAt(clock == ScheduleClock.Epoch ? epoch - 1 : startStep!.Value);
    }

    private static double? Value(IReadOnlyDictionary<string, double?> metrics, string name) =>
        metrics.TryGetValue(name, out var value) ? value : null;
}
