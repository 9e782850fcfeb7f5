// The coordinator's fixed-size record of one trial: where it is in its life, which attempt runs where, how far it got
// and with what metric. The trial's history lives once, in its trial grain; this summary is all the sweep needs to
// queue, place, rank and report on it.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Coordination.State;

/// <param name="Attempt">0 while never handed to a trial grain; then the number of the latest attempt.</param>
/// <param name="Failures">Attempts that ended Failed (counted against the sweep's retries).</param>
/// <param name="EpochsDone">The last epoch reported (a resumed trial goes back to its checkpoint's epoch).</param>
/// <param name="LastMetric">The sweep metric at <see cref="EpochsDone"/>; null before an epoch, or without one.</param>
/// <param name="BestMetric">The best sweep metric any reported epoch had.</param>
/// <param name="Silos">Every silo an attempt ran on, in order (consecutive repeats once).</param>
/// <param name="WallSeconds">Training time over every attempt and segment, as the trial grain last reported it.</param>
/// <param name="AssignedSilo">The silo the current attempt was placed on; null while queued, paused or ended.</param>
/// <param name="SpecOverride">The trial spec once it is no longer the searcher's: PBT changed it. Id 17: id 12 held it as
/// canonical JSON text before and is not reused (an old sweep's trials read back as running the searcher's spec).</param>
/// <param name="StopReason">Paused or Pruned: the trial scheduler's reason.</param>
/// <param name="StoppedAtEpoch">Paused or Pruned: the epoch it stopped after.</param>
/// <param name="PendingRestart">PBT: the next dispatch starts from a donor's checkpoint with changed hyperparameters.</param>
/// <param name="Exploits">PBT: every restart from a donor's checkpoint that was dispatched, in order.</param>
/// <param name="AttemptCeiling">Attempt numbers up to this one may have been sent: it is stored before a start carries a
/// number above it, so a coordinator restored from storage numbers its next start above it and never sends a number
/// twice, without storing the whole sweep before every start.</param>
/// <param name="BestEpoch">The epoch of <see cref="BestMetric"/> (its first, among equals); null while there is none.</param>
/// <param name="Life">The sweep's resume count (SweepState.Resumes) when the current attempt was dispatched: a trial
/// cancelled in an earlier life goes on when its sweep is resumed; one cancelled in this life stays cancelled.</param>
/// <param name="Test">Completed with a test split: its held-out test evaluation, for the report only (the scheduler and
/// the ranking never read it).</param>
/// <param name="FinishedAt">When the trial last reached a terminal status (by the coordinator's clock); null while it has
/// not, or once a resumed or extended sweep has sent it back to the queue. The report's optimisation history is in this order.</param>
/// <param name="Objectives">A multi-objective sweep: every objective's value at <see cref="EpochsDone"/>, in the spec's
/// order (NaN where the epoch has no such value, e.g. no validation split); null before an epoch, or in a
/// single-objective sweep. Set with <see cref="LastMetric"/>, always together.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialSummary")]
public sealed record TrialSummary(
    [property: Id(0)] int Index,
    [property: Id(1)] TrialStatus Status,
    [property: Id(2)] int Attempt,
    [property: Id(3)] int Failures,
    [property: Id(4)] int EpochsDone,
    [property: Id(5)] double? LastMetric,
    [property: Id(6)] double? BestMetric,
    [property: Id(7)] string? Error,
    [property: Id(8)] ImmutableArray<string> Silos,
    [property: Id(9)] double WallSeconds,
    [property: Id(10)] string? AssignedSilo,
    [property: Id(11)] DateTimeOffset? DispatchedAt,
    [property: Id(17)] TrialSpec? SpecOverride,
    [property: Id(13)] string? StopReason,
    [property: Id(14)] int? StoppedAtEpoch,
    [property: Id(15)] PendingRestart? PendingRestart,
    [property: Id(16)] ImmutableArray<ExploitRecord> Exploits,
    [property: Id(18)] int AttemptCeiling = 0,
    [property: Id(19)] int? BestEpoch = null,
    [property: Id(20)] int Life = 0,
    [property: Id(21)] HeldOutEvaluation? Test = null,
    [property: Id(22)] DateTimeOffset? FinishedAt = null,
    [property: Id(23)] ImmutableArray<double>? Objectives = null)
{
    /// <summary>A trial no attempt has been made of yet.</summary>
    public static TrialSummary Fresh(int index) =>
        new(index, TrialStatus.Pending, 0, 0, 0, null, null, null, [], 0, null, null, null, null, null, null, []);

    /// <summary>Handed to a trial grain and not finished.</summary>
    public bool InFlight => Attempt > 0 && !Status.IsTerminal() && AssignedSilo is not null;

    /// <summary>Waiting in the coordinator's queue for a free slot (a paused trial waits for its scheduler instead).</summary>
    public bool Queued => !Status.IsTerminal() && Status != TrialStatus.Paused && AssignedSilo is null;

    /// <summary>The silos with <paramref name="silo"/> appended unless it is the last one already.</summary>
    public ImmutableArray<string> WithSilo(string? silo) =>
        silo is null || (Silos.Length > 0 && Silos[^1] == silo) ? Silos : Silos.Add(silo);

    /// <summary>The exploits with <paramref name="exploit"/> added once: the same restart dispatched again after a failed start is not a second exploit.</summary>
    public ImmutableArray<ExploitRecord> WithExploit(ExploitRecord exploit) =>
        Exploits.Any(exploit.SameExploitAs) ? Exploits : Exploits.Add(exploit);
}
