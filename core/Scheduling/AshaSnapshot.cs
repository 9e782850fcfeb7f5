// Everything asynchronous successive halving remembers (tuning's AshaScheduler): per rung the results and the
// promoted trials, the paused trials' rungs, the promotions of paused trials not handed out yet, and under Pareto
// promotion each result's objective values.
using System.Collections.Immutable;

namespace SweepCluster.Core.Scheduling;

/// <param name="Results">Rung → trial → its metric there, as ranked (missing and non-finite values are ±∞, the worst).</param>
/// <param name="Promoted">Rung → the trials promoted from it.</param>
/// <param name="Paused">Paused trial → the rung it waits at.</param>
/// <param name="Actions">Promotions of paused trials decided and not handed out yet (TakeActions), in order.</param>
/// <param name="Vectors">Pareto promotion only: rung → trial → its objective values there (NaN: missing); null otherwise.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.AshaSnapshot")]
public sealed record AshaSnapshot(
    [property: Id(0)] ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, double>> Results,
    [property: Id(1)] ImmutableSortedDictionary<int, ImmutableSortedSet<int>> Promoted,
    [property: Id(2)] ImmutableSortedDictionary<int, int> Paused,
    [property: Id(3)] ImmutableList<ScheduledAction> Actions,
    [property: Id(4)] ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, ImmutableArray<double>>>? Vectors = null) : SchedulerSnapshot
{
    /// <summary>Before any result.</summary>
    public static AshaSnapshot Initial { get; } = new(
        ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, double>>.Empty,
        ImmutableSortedDictionary<int, ImmutableSortedSet<int>>.Empty,
        ImmutableSortedDictionary<int, int>.Empty,
        []);
}
