// One trial in a page of trials: its identity and status, its results so far, its latest epoch and metric (from the
// epochs recorded, so a running trial shows where it is), and its hyperparameter values in the page's column order.
using SweepCluster.Core.Reports;

namespace SweepCluster.Core.TrialPages;

/// <summary>A trial as a page shows it.</summary>
/// <param name="LatestEpoch">The newest epoch recorded for the trial; null before its first.</param>
/// <param name="LatestMetric">The sweep metric at <paramref name="LatestEpoch"/>; null when missing (NaN, no validation split).</param>
/// <param name="Hyperparameters">One cell per <see cref="TrialPage.Hyperparameters"/> column: null, a string, a long or a double as the column's type says.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialPageRow")]
public sealed record TrialPageRow(
    [property: Id(0)] int Trial,
    [property: Id(1)] int Combination,
    [property: Id(2)] long Seed,
    [property: Id(3)] TrialStatus Status,
    [property: Id(4)] double? FinalMetric,
    [property: Id(5)] double? BestMetric,
    [property: Id(6)] int EpochsRun,
    [property: Id(7)] double? WallSeconds,
    [property: Id(8)] int? LatestEpoch,
    [property: Id(9)] double? LatestMetric,
    [property: Id(10)] IReadOnlyList<object?> Hyperparameters);
