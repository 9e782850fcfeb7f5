// What the coordinator's state machine asks its host to do, in order. The host carries each one out and, where a
// command has an answer (a start, a reconciliation), hands the answer back as an event.
using SweepCluster.Core.Specs;

namespace SweepCluster.Coordination;

public abstract record SweepCommand;

/// <summary>Store the machine's state now, before the commands after it are carried out.</summary>
public sealed record Persist : SweepCommand
{
    public static Persist Instance { get; } = new();
}

/// <summary>Start (or resume from its checkpoint) attempt <paramref name="Attempt"/> of a trial on <paramref name="Silo"/>.</summary>
/// <param name="Spec">The trial spec to run.</param>
/// <param name="DecisionEpochs">Epochs after which the trial waits for a decision; null when none.</param>
/// <param name="Donor">PBT: start from this trial's checkpoint at <see cref="DonorEpoch"/> instead of its own.</param>
/// <param name="FailuresCounted">Failed attempts the coordinator has counted: a trial grain whose own count is higher
/// hands back that failure instead of running again (its report was lost), so every failure counts once.</param>
/// <param name="Life">The sweep's resume count: a trial grain cancelled in an earlier life goes on from its checkpoint;
/// one cancelled in this life hands back its cancel.</param>
public sealed record StartTrial(int TrialIndex, int Attempt, string Silo, TrialSpec Spec, IReadOnlyList<int>? DecisionEpochs,
    int? Donor, int DonorEpoch, int FailuresCounted = 0, int Life = 0) : SweepCommand;

/// <summary>Tell a paused trial that it will not be resumed: it ends Pruned.</summary>
public sealed record PruneTrial(int TrialIndex, string? Reason) : SweepCommand;

/// <summary>Stop a training trial at its next batch; it ends Cancelled.</summary>
public sealed record CancelTrial(int TrialIndex) : SweepCommand;

/// <summary>Ask these in-flight trials for their stored state and answer with <see cref="TrialsReconciled"/>.</summary>
public sealed record ReconcileTrials(IReadOnlyList<int> TrialIndices) : SweepCommand;

/// <summary>Update the sweep's line in the cluster's list of sweeps.</summary>
public sealed record PublishListing : SweepCommand
{
    public static PublishListing Instance { get; } = new();
}

/// <summary>Every trial has ended: the periodic tick and the wake-up reminder are no longer needed.</summary>
public sealed record StopTicking : SweepCommand
{
    public static StopTicking Instance { get; } = new();
}

/// <summary>The sweep runs again (resumed or extended): the periodic tick and the wake-up reminder are needed again.</summary>
public sealed record ResumeTicking : SweepCommand
{
    public static ResumeTicking Instance { get; } = new();
}

/// <summary>The answer to a request to change the sweep (resume, extend): how it ended and why, for the user.</summary>
public sealed record SweepChange(Core.SweepChangeOutcome Outcome, string Message);

/// <summary>What a trial waiting at a decision epoch does next, and why.</summary>
public sealed record Directive(Core.TrialDecision Decision, string? Reason);

/// <summary>The outcome of one event: the commands to carry out, in order, and the answer to a question (if it was one).</summary>
/// <param name="Change">The answer to a <see cref="ResumeRequested"/> or <see cref="ExtendRequested"/>.</param>
public sealed record Step(IReadOnlyList<SweepCommand> Commands, Directive? Reply = null, SweepChange? Change = null);
