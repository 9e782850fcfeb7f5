using SweepCluster.Engine.Training;

namespace SweepCluster.Sweeps.Reports;

/// <summary>Everything the report needs about one trial, whatever state it is in.</summary>
/// <param name="Metric">The sweep metric at the trial's last epoch (null until an epoch is reported, or without validation).</param>
/// <param name="Error">Failed: the exception message of the last attempt; Diverged: why.</param>
/// <param name="Silos">Every silo an attempt of this trial ran on, in order (a resumed trial ran on several).</param>
/// <param name="WallSeconds">Training time summed over attempts.</param>
/// <param name="StopReason">Paused or Pruned: why the trial scheduler stopped it.</param>
/// <param name="StoppedAtEpoch">Paused or Pruned: the epoch it stopped after.</param>
public sealed record TrialResult(
    int Index,
    int Combination,
    long Seed,
    TrialStatus Status,
    IReadOnlyList<EpochRecord> History,
    double? Metric,
    string? Error,
    IReadOnlyList<string> Silos,
    double WallSeconds,
    int Attempts,
    string? StopReason = null,
    int? StoppedAtEpoch = null);
