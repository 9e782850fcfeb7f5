// One page of a sweep's trials as the study store answered it: the rows, how many trials the sweep has and how many
// pass the filters, the sweep's hyperparameter columns (the rows' cells follow them) and what the page was asked for.
using SweepCluster.Core.Reports;

namespace SweepCluster.Core.TrialPages;

/// <summary>A page of trials.</summary>
/// <param name="Metric">The sweep's metric (what <see cref="TrialPageRow.LatestMetric"/> and the final metric measure).</param>
/// <param name="TotalTrials">The sweep's trial rows, unfiltered.</param>
/// <param name="FilteredTrials">The trial rows that pass the filters (the page is a slice of these).</param>
/// <param name="Hyperparameters">The sweep's hyperparameter columns, in the order it first wrote them.</param>
/// <param name="Query">The request this page answers.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialPage")]
public sealed record TrialPage(
    [property: Id(0)] string SweepId,
    [property: Id(1)] MetricSpec Metric,
    [property: Id(2)] int TotalTrials,
    [property: Id(3)] int FilteredTrials,
    [property: Id(4)] IReadOnlyList<RunColumn> Hyperparameters,
    [property: Id(5)] IReadOnlyList<TrialPageRow> Rows,
    [property: Id(6)] TrialPageQuery Query);
