// Everything the median stopping rule remembers (tuning's MedianStoppingScheduler): every trial's metric per epoch
// and which trials completed.
using System.Collections.Immutable;

namespace SweepCluster.Core.Scheduling;

/// <param name="Metrics">Trial → its metric per epoch (index epoch − 1; null where missing or not finite).</param>
/// <param name="Completed">The trials that completed, whose running averages make the median.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.MedianStoppingSnapshot")]
public sealed record MedianStoppingSnapshot(
    [property: Id(0)] ImmutableSortedDictionary<int, ImmutableArray<double?>> Metrics,
    [property: Id(1)] ImmutableSortedSet<int> Completed) : SchedulerSnapshot
{
    /// <summary>Before any result.</summary>
    public static MedianStoppingSnapshot Initial { get; } = new(ImmutableSortedDictionary<int, ImmutableArray<double?>>.Empty, []);
}
