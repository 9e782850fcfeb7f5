// How a training run ended: its outcome, its history (core's EpochRecord rows) and every value it applied.
using SweepCluster.Core;

namespace SweepCluster.Engine.Training;

/// <summary>How a training run ended.</summary>
public enum TrialOutcome { Completed, Diverged, Cancelled }

/// <summary>Every value a run actually applied: the learning rate and weight decay of each step, the batch size of each step.</summary>
public sealed record AppliedSchedule(IReadOnlyList<double> LearningRate, IReadOnlyList<double> WeightDecay, IReadOnlyList<int> BatchSize);

/// <summary>The end of a run.</summary>
/// <param name="Message">Why it diverged, when it did.</param>
/// <param name="Test">Completed with a test split: the final weights on the held-out test rows.</param>
public sealed record TrainingResult(TrialOutcome Outcome, IReadOnlyList<EpochRecord> History, AppliedSchedule Applied, string? Message,
    HeldOutEvaluation? Test = null)
{
    public EpochRecord? Final => History.Count > 0 ? History[^1] : null;
}
