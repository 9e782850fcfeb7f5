// A numeric filter on one column of a page of trials: min ≤ value ≤ max, either bound optional. It names the column
// only; the store checks the name against the sweep's own numeric columns before using it.
namespace SweepCluster.Core.TrialPages;

/// <summary>Keeps the trials whose <paramref name="Column"/> lies within [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
/// <param name="Column">A numeric trials column ("final_metric") or numeric hyperparameter column ("learning_rate.initial").</param>
/// <param name="Min">The smallest value kept; null for no lower bound.</param>
/// <param name="Max">The largest value kept; null for no upper bound.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.NumericRange")]
public sealed record NumericRange([property: Id(0)] string Column, [property: Id(1)] double? Min, [property: Id(2)] double? Max);
