// A finished trial as the optimisation history needs it: which trial, when it finished, its metric. It carries data
// only; it says nothing about the trial's status or configuration.
namespace SweepCluster.Reporting.Analysis;

/// <summary>A trial's index, the key it finished at and its metric value.</summary>
/// <param name="FinishOrder">Any key ascending with finishing: the finish time's UTC ticks, or a completion sequence number.</param>
/// <param name="Value">The sweep metric; non-finite values are skipped by the history.</param>
public sealed record FinishedTrial(int TrialIndex, long FinishOrder, double Value);
