// A sweep's trials counted in the trials table: how many, how many ended, and the best final metric of a completed
// trial both ways (the sweep's goal picks one). What `sweep list` shows beside each sweep's row.
namespace SweepCluster.Store.Study;

/// <summary>A sweep's trial counts and best completed result, as the trials table holds them.</summary>
/// <param name="Sweep">The sweep's id.</param>
/// <param name="Trials">Rows in the trials table.</param>
/// <param name="Ended">Trials in a terminal status (completed, diverged, failed, cancelled, pruned).</param>
/// <param name="HighestCompleted">The highest final metric of a completed trial (the best when maximizing).</param>
/// <param name="LowestCompleted">The lowest final metric of a completed trial (the best when minimizing).</param>
public sealed record TrialCounts(string Sweep, int Trials, int Ended, double? HighestCompleted, double? LowestCompleted);
