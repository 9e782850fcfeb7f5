// A `sweep delete` call retried through a failover: the first call may have deleted the sweep and lost its answer, so
// "no sweep with this id" from a repeated call means the sweep is gone, which is what was asked. The sweep was found
// before the first call, so the id was right.
using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Cli.Commands;

public static class RepeatedDeletion
{
    /// <summary>The answer to show after <paramref name="attempts"/> calls.</summary>
    public static SweepChangeResult Answer(string sweepId, SweepChangeResult result, int attempts) =>
        result.Outcome == SweepChangeOutcome.NotFound && attempts > 1
            ? new SweepChangeResult(SweepChangeOutcome.Deleted, $"deleted sweep {sweepId} (the cluster answered a repeated call after a failover; the sweep is gone)", 0)
            : result;
}
