// A sweep's tally as SweepMachine.Tally reports it: counts per status, epochs done and planned, the best trial.
using SweepCluster.Core;

namespace SweepCluster.Coordination;

/// <summary>A sweep's counts per status, epochs done and planned, and its best completed trial.</summary>
/// <param name="EpochsPlanned">Epochs every trial would run to the end, less those that trials which ended early by
/// themselves (pruned, diverged, failed for good) will not run; a cancelled sweep keeps its plan.</param>
public sealed record SweepTally(IReadOnlyDictionary<TrialStatus, int> Counts, long EpochsDone, long EpochsPlanned, int? BestTrial, double? BestMetric);
