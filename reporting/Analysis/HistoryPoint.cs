// One point of the optimisation history: a finished trial's metric and the best metric so far. It carries a result
// only; OptimizationHistory computes it.
namespace SweepCluster.Reporting.Analysis;

/// <summary>The <paramref name="Position"/>-th finished trial (from 1), its value and the best value up to and including it.</summary>
/// <param name="IsNewBest">True when this trial's value is strictly better than every earlier one (the first always is).</param>
public sealed record HistoryPoint(int Position, int TrialIndex, long FinishOrder, double Value, double BestSoFar, bool IsNewBest);
