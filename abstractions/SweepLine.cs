// One line of `sweep list`: a sweep's row in the store with its progress and its best completed result.
using SweepCluster.Core;

namespace SweepCluster.Abstractions;

/// <param name="TrialsEnded">Trials in a terminal status.</param>
/// <param name="BestMetric">The best final metric of a completed trial (by the sweep's goal); null while none completed.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepLine")]
public sealed record SweepLine(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? FinishedAt,
    [property: Id(5)] int TotalTrials,
    [property: Id(6)] int TrialsEnded,
    [property: Id(7)] MetricName Metric,
    [property: Id(8)] double? BestMetric);
