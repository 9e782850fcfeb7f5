// A trial scheduler's answer about one trial: go on, pause or stop, why, and (PBT) a restart from a donor. Marked for
// Orleans' serializer: a decision not handed out yet is stored with the scheduler's state (AshaSnapshot, PbtSnapshot).
namespace SweepCluster.Core.Scheduling;

/// <summary>The scheduler's answer to one epoch: the decision, why, and an optional restart from a donor.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SchedulingDecision")]
public sealed record SchedulingDecision(
    [property: Id(0)] TrialDecision Decision,
    [property: Id(1)] string? Reason = null,
    [property: Id(2)] TrialRestart? Restart = null)
{
    public static SchedulingDecision Continue { get; } = new(TrialDecision.Continue);
}
