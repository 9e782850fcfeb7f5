// What the coordinator's state machine hears: messages from trials, answers to the commands it gave, the clock, the
// membership and the user. Each carries the time it is handled at, so the machine never reads a clock.
using SweepCluster.Engine.Training;
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public abstract record SweepEvent(DateTimeOffset Now);

/// <summary>The sweep was accepted: create its trials and start.</summary>
public sealed record SweepStarted(string Name, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The live silos and their training slots, as the host found them.</summary>
public sealed record MembershipObserved(IReadOnlyList<LiveSilo> Silos, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The periodic tick: reconcile when due or when a silo was lost, dispatch, store what changed.</summary>
public sealed record Ticked(DateTimeOffset Now) : SweepEvent(Now);

/// <summary>An attempt finished epochs and trains on (progress; decisions about them are not acted on).</summary>
public sealed record EpochsReported(TrialProgress Progress, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>An attempt finished epochs and waits after the last one, a decision epoch, for a <see cref="Directive"/>.</summary>
public sealed record DecisionAsked(TrialProgress Progress, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>An attempt ended.</summary>
public sealed record AttemptEnded(TrialEnd End, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>A trial grain took a <see cref="StartTrial"/> and answered with its state.</summary>
public sealed record TrialStartAnswered(StartTrial Start, TrialView Trial, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>A <see cref="StartTrial"/> could not be carried out (the silo or the donor's copy was not reachable).</summary>
public sealed record TrialStartFailed(StartTrial Start, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The answers to a <see cref="ReconcileTrials"/>: each trial's stored state, or null when it did not answer.</summary>
public sealed record TrialsReconciled(IReadOnlyList<ReconciledTrial> Trials, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The user cancelled the sweep.</summary>
public sealed record CancelRequested(DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The user asked a cancelled sweep to go on (`sweep resume`).</summary>
public sealed record ResumeRequested(DateTimeOffset Now) : SweepEvent(Now);

/// <summary>The user asked for more trials (`sweep extend`).</summary>
public sealed record ExtendRequested(SweepExtension Extension, DateTimeOffset Now) : SweepEvent(Now);

/// <summary>A live silo: its key (the address the placement uses), its endpoint as trials name it, its slots.</summary>
public sealed record LiveSilo(string Key, string Endpoint, int Slots);

/// <summary>Epochs of one attempt, in order, with where it runs and its training time so far over every attempt.</summary>
public sealed record TrialProgress(int TrialIndex, int Attempt, IReadOnlyList<EpochRecord> Records, string? Silo, double WallSeconds);

/// <summary>The end of one attempt: its status, its last epoch (the trial's epochs are numbered 1..Last.Epoch).</summary>
/// <param name="History">Every epoch of the trial, for its best metric and epoch only (whatever reports were lost with a
/// restarted coordinator): the trial scheduler is not shown them again.</param>
/// <param name="Test">Completed with a test split: its held-out test evaluation, kept for the report; nothing decides by it.</param>
public sealed record TrialEnd(int TrialIndex, int Attempt, TrialStatus Status, EpochRecord? Last, string? Error, string? Silo, double WallSeconds,
    IReadOnlyList<EpochRecord>? History = null, HeldOutEvaluation? Test = null);

/// <summary>A trial grain's view of itself.</summary>
/// <param name="IsTraining">An attempt is alive in its activation (false after its silo was lost); <paramref name="Silo"/> is then the
/// silo of that activation, where the attempt trains or waits for a slot.</param>
/// <param name="History">For an ended trial asked by reconciliation: every epoch it recorded, so that its best metric
/// is found even among epochs whose reports were lost with a coordinator that restarted.</param>
/// <param name="Test">Completed with a test split: its held-out test evaluation.</param>
public sealed record TrialView(TrialStatus Status, int Attempt, EpochRecord? Last, string? Error, string? Silo, double WallSeconds,
    bool IsTraining, string? StopReason, IReadOnlyList<EpochRecord>? History = null, HeldOutEvaluation? Test = null)
{
    public int Epochs => Last?.Epoch ?? 0;
}

public sealed record ReconciledTrial(int TrialIndex, TrialView? Trial);
