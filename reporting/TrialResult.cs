// What the report needs about one trial, whatever its state: history, where and how long it ran, why the trial
// scheduler stopped it and which PBT exploits it went through. It only carries data; the builder aggregates.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>Everything the report needs about one trial, whatever state it is in.</summary>
/// <param name="Metric">The sweep metric at the trial's last epoch (null until an epoch is reported, or without validation).</param>
/// <param name="Error">Failed: the exception message of the last attempt; Diverged: why.</param>
/// <param name="Silos">Every silo an attempt of this trial ran on, in order (a resumed trial ran on several).</param>
/// <param name="WallSeconds">Training time summed over attempts.</param>
/// <param name="StopReason">Paused or Pruned: why the trial scheduler stopped it.</param>
/// <param name="StoppedAtEpoch">Paused or Pruned: the epoch it stopped after.</param>
/// <param name="Exploits">PBT: every restart from another trial's checkpoint the trial went through, in the order they happened.</param>
/// <param name="EpochsRun">Epochs the trial reported, when <paramref name="History"/> is not given (a coordinator keeps a
/// summary per trial; the histories stay with the trials and are fetched only for the curves).</param>
/// <param name="Test">Completed with a test split: its final weights on the held-out test rows (shown, never ranked by).</param>
/// <param name="Objectives">A multi-objective sweep: every objective's value at the trial's last epoch, in the spec's
/// order (NaN where there is none), when <paramref name="History"/> is not given; null otherwise.</param>
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
    int? StoppedAtEpoch = null,
    IReadOnlyList<ExploitEvent>? Exploits = null,
    int? EpochsRun = null,
    HeldOutEvaluation? Test = null,
    IReadOnlyList<double>? Objectives = null);
