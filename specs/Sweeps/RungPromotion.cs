// How ASHA and Hyperband choose which trials of a rung go on: by the sweep's ranking metric, or, in a multi-objective
// sweep, by Pareto rank over every objective. Data only; tuning's schedulers apply it (see docs/schedulers.md for
// what each rule guarantees).
namespace SweepCluster.Specs.Sweeps;

/// <summary>The promotion rule of a successive-halving scheduler (<c>scheduler: { type: asha, promotion: ... }</c>).</summary>
public enum RungPromotion
{
    /// <summary>The top ⌊n/η⌋ of a rung's n results by the sweep's ranking metric: the default of a one-metric sweep.</summary>
    Metric,

    /// <summary>The top ⌊n/η⌋ by Pareto rank over the objectives, whole non-dominated fronts first and the first front
    /// that does not fit cut by crowding distance: the default of a multi-objective sweep.</summary>
    Pareto,

    /// <summary>Every trial that no other trial of its rung dominates (by more than <c>epsilon</c> of each objective's
    /// range), filled up to ⌊n/η⌋ by Pareto rank: a trial on the rung's front is never pruned.</summary>
    ParetoFront,
}
