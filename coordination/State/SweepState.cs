// The sweep's bookkeeping as the coordinator stores it (beside the submission, from which the trials are re-derived):
// where the sweep is, one fixed-size summary per trial and the trial scheduler's state. Immutable: every change is a `with`;
// the trial list is an ImmutableList, so replacing one summary costs O(log trials), not a copy of the sweep.
using System.Collections.Immutable;
using SweepCluster.Core;

namespace SweepCluster.Coordination.State;

/// <param name="SchedulerState">The trial scheduler's saved state (ITrialScheduler.SaveState).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepState")]
public sealed record SweepState(
    [property: Id(0)] string Name,
    [property: Id(1)] SweepStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? FinishedAt,
    [property: Id(4)] ImmutableList<TrialSummary> Trials,
    [property: Id(5)] string SchedulerState);
