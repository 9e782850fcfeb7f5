// Where a trial grain's newest attempt is. One field replaces the flags that used to describe it in combination.
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Trials;

public enum AttemptPhase
{
    /// <summary>No attempt is alive in this activation (none started, or the last one ended).</summary>
    Idle,

    /// <summary>Started, behind an older attempt of the same trial that is still stopping at its boundary.</summary>
    Queued,

    /// <summary>Waiting for one of the silo's training slots.</summary>
    WaitingForSlot,

    /// <summary>Training epochs.</summary>
    Training,

    /// <summary>Stopped after a decision epoch (its checkpoint stored), waiting for the coordinator's answer.</summary>
    AwaitingDecision,

    /// <summary>Told to pause or stop at its boundary; winding down (the trainer stops before the next batch).</summary>
    LeavingAtBoundary,
}

public static class AttemptPhases
{
    /// <summary>Stopped, or about to stop, at a decision boundary: a start now is a resume, not a lost coordinator.</summary>
    public static bool IsAtBoundary(this AttemptPhase phase) =>
        phase is AttemptPhase.AwaitingDecision or AttemptPhase.LeavingAtBoundary or AttemptPhase.Queued;
}
