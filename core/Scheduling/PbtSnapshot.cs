// Everything population-based training remembers (tuning's PbtScheduler): per open generation boundary the members'
// metrics, the boundaries released, the members that finished, and the decisions of a release not handed out yet.
using System.Collections.Immutable;

namespace SweepCluster.Core.Scheduling;

/// <param name="Arrivals">Open boundary → member → its metric there, as ranked (missing and non-finite values are ±∞).</param>
/// <param name="Released">Boundaries whose generation was ranked and released.</param>
/// <param name="Finished">Members that reached a terminal state.</param>
/// <param name="Actions">Decisions of a released generation not handed out yet (TakeActions), in order.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.PbtSnapshot")]
public sealed record PbtSnapshot(
    [property: Id(0)] ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, double>> Arrivals,
    [property: Id(1)] ImmutableSortedSet<int> Released,
    [property: Id(2)] ImmutableSortedSet<int> Finished,
    [property: Id(3)] ImmutableList<ScheduledAction> Actions) : SchedulerSnapshot
{
    /// <summary>Before any member arrived at a boundary.</summary>
    public static PbtSnapshot Initial { get; } = new(ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, double>>.Empty, [], [], []);
}
