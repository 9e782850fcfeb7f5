// A scheduler's decision about a trial other than the one that just reported: what ITrialScheduler.TakeActions and
// OnIdle hand out. Marked for Orleans' serializer: the ones not handed out yet are part of a scheduler's snapshot.
namespace SweepCluster.Core.Scheduling;

/// <summary>A decision about a trial other than the one that just reported (a paused trial resumed, restarted or stopped).</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.ScheduledAction")]
public sealed record ScheduledAction(
    [property: Id(0)] int TrialIndex,
    [property: Id(1)] SchedulingDecision Decision);
