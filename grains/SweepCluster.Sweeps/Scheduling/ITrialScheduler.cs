using SweepCluster.Engine.Training;

namespace SweepCluster.Sweeps.Scheduling;

/// <summary>One epoch of one trial as the scheduler sees it.</summary>
public sealed record TrialEpochResult(int TrialIndex, int Combination, EpochRecord Record, double? Metric);

/// <summary>
/// Start a trial from another trial's checkpoint with changed hyperparameters (population-based training's exploit).
/// </summary>
/// <param name="TrialIndex">The trial that restarts.</param>
/// <param name="DonorTrialIndex">The trial whose latest checkpoint it copies.</param>
/// <param name="LearningRateFactor">Multiplier applied to the learning rate from here on (1 = unchanged).</param>
/// <param name="WeightDecayFactor">Multiplier applied to the weight decay from here on.</param>
/// <param name="BatchSizeFactor">Multiplier applied to the batch size from here on.</param>
public sealed record TrialRestart(int TrialIndex, int DonorTrialIndex, double LearningRateFactor, double WeightDecayFactor, double BatchSizeFactor);

/// <summary>The scheduler's answer to one epoch: the decision, why, and an optional restart from a donor.</summary>
public sealed record SchedulingDecision(TrialDecision Decision, string? Reason = null, TrialRestart? Restart = null)
{
    public static SchedulingDecision Continue { get; } = new(TrialDecision.Continue);
}

/// <summary>
/// Decides, after each reported epoch, whether a running trial goes on (Ray Tune's trial scheduler, Optuna's pruner).
/// Implementations are plain C#, deterministic, and save/restore their state so a coordinator can be reactivated.
/// </summary>
public interface ITrialScheduler
{
    SchedulingDecision OnEpoch(TrialEpochResult result);

    /// <summary>A trial reached a terminal state; schedulers that rank completed trials record it.</summary>
    void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric);

    /// <summary>Opaque state to persist with the sweep.</summary>
    string SaveState();

    void RestoreState(string state);
}
