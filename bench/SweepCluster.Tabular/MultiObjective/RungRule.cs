// Which vector a rung promotes by: the multi-objective one (accuracy at the rung and planned steps, front peeling)
// or accuracy alone (single-objective successive halving, the baseline). Both go through ParetoPromotion, so they
// differ only in the objectives.
namespace SweepCluster.Tabular.MultiObjective;

/// <summary>What successive halving ranks a rung's results by.</summary>
public enum RungRule
{
    /// <summary>(accuracy at the rung, planned steps): ParetoPromotion's front peeling.</summary>
    Pareto,

    /// <summary>Accuracy at the rung only: the top ⌊n/η⌋ by accuracy.</summary>
    AccuracyOnly,
}
