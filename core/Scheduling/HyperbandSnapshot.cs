// Everything asynchronous Hyperband remembers (tuning's HyperbandScheduler): one ASHA snapshot per bracket that has
// seen a trial. Which bracket a trial is in is not stored: it is a pure function of its combination and epochs.
using System.Collections.Immutable;

namespace SweepCluster.Core.Scheduling;

/// <param name="Brackets">Bracket s → the state of its ASHA (rungs counted from the bracket's first rung).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.HyperbandSnapshot")]
public sealed record HyperbandSnapshot(
    [property: Id(0)] ImmutableSortedDictionary<int, AshaSnapshot> Brackets) : SchedulerSnapshot
{
    /// <summary>Before any result.</summary>
    public static HyperbandSnapshot Initial { get; } = new(ImmutableSortedDictionary<int, AshaSnapshot>.Empty);
}
