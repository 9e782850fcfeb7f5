// What travels between the coordinator and its trial grains. Specs travel as core's typed TrialSpec records and
// datasets by built-in name or by the SHA-256 of the data file that travelled with the sweep: trials load the data on
// their own silo from the cluster's storage, so no message between them carries a dataset, and no silo opens a path.
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Abstractions;

/// <summary>One attempt of one trial, as the coordinator hands it to a trial grain.</summary>
/// <param name="Spec">The trial spec to run.</param>
/// <param name="LegacyBaseDirectory">Not used: silos never resolve a path. Always null now; kept so that trial state
/// stored by earlier versions still reads.</param>
/// <param name="Attempt">1 for the first run; retries count up. A grain ignores an attempt older than its own.</param>
/// <param name="CheckpointEvery">Positive: save a checkpoint to grain storage every this many epochs.</param>
/// <param name="DecisionEpochs">After these epochs the trial stores a checkpoint and waits for the coordinator's
/// decision (the trial scheduler's rungs or intervals) before training on.</param>
/// <param name="Donor">Population-based training's exploit: start from this trial's checkpoint instead of its own.</param>
/// <param name="CheckpointSeconds">Positive: save one after the first epoch ending this long after the last (then
/// <paramref name="CheckpointEvery"/> is 0). Together they are the sweep spec's checkpoint policy.</param>
/// <param name="DataSha256">The SHA-256 of the data file the spec's <c>dataset:</c> names (its copy in the cluster's
/// storage); null for a built-in dataset.</param>
/// <param name="SpecDirectory">The folder of the spec file the sweep was submitted from: an external trainer's relative
/// workdir is resolved against it on the silo that runs the trial (the same path must exist on every silo host).</param>
/// <param name="Combination">The trial's combination (the seeds of one share it), for an external trainer's trial file.</param>
/// <remarks>Alias ".v2": the spec was canonical JSON text (string) under the first alias; trial grains store their assignment.</remarks>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialAssignment.v2")]
public sealed record TrialAssignment(
    [property: Id(0)] string SweepId,
    [property: Id(1)] int TrialIndex,
    [property: Id(2)] TrialSpec Spec,
    [property: Id(3)] string? LegacyBaseDirectory,
    [property: Id(4)] int Attempt,
    [property: Id(5)] int CheckpointEvery,
    [property: Id(6)] IReadOnlyList<int>? DecisionEpochs = null,
    [property: Id(7)] TrialDonor? Donor = null,
    [property: Id(8)] double CheckpointSeconds = 0,
    [property: Id(9)] int FailuresCounted = 0,
    [property: Id(10)] int Life = 0,
    [property: Id(11)] string? DataSha256 = null,
    [property: Id(12)] string? SpecDirectory = null,
    [property: Id(13)] int? Combination = null);

/// <summary>The trial whose checkpoint an exploiting trial copies, and the epoch boundary it must be at.</summary>
/// <param name="TrialKey">The donor's trial-grain key, "{sweepId}/{trialIndex}".</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialDonor")]
public sealed record TrialDonor([property: Id(0)] string TrialKey, [property: Id(1)] int Epoch);

/// <summary>The coordinator's answer to a trial waiting at a decision epoch.</summary>
/// <param name="Decision">Continue; Pause (stop here, keep the checkpoint, wait to be resumed); Stop (end Pruned).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialDirective")]
public sealed record TrialDirective([property: Id(0)] TrialDecision Decision, [property: Id(1)] string? Reason)
{
    public static TrialDirective Continue { get; } = new(TrialDecision.Continue, null);
}

/// <summary>A trial's latest checkpoint, as another trial copies it (a few MB at most: weights and optimizer state).</summary>
/// <param name="Epoch">Epochs completed at the checkpoint (0: none).</param>
/// <param name="History">The epochs up to the checkpoint.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialCheckpointCopy")]
public sealed record TrialCheckpointCopy(
    [property: Id(0)] int Epoch,
    [property: Id(1)] byte[]? Checkpoint,
    [property: Id(2)] IReadOnlyList<EpochRecord> History);

/// <summary>A trial grain's state with its whole history, for people and tools (status, replay, tests).</summary>
/// <param name="Silo">The silo of the current (or last) attempt.</param>
/// <param name="IsTraining">Whether an attempt is alive in this activation (false after a silo loss).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialSnapshot")]
public sealed record TrialSnapshot(
    [property: Id(0)] TrialStatus Status,
    [property: Id(1)] int Attempt,
    [property: Id(2)] IReadOnlyList<EpochRecord> History,
    [property: Id(3)] string? Error,
    [property: Id(4)] string? Silo,
    [property: Id(5)] double WallSeconds,
    [property: Id(6)] bool IsTraining,
    [property: Id(7)] IReadOnlyList<AttemptRecord> Attempts,
    [property: Id(8)] string? StopReason = null);

/// <summary>The end of one attempt, reported by the trial grain to its coordinator. The history stays with the trial.</summary>
/// <param name="Last">The trial's last epoch (its epochs are 1..Last.Epoch); null when it ended before the first.</param>
/// <param name="WallSeconds">The trial's training time over all its attempts and segments (a paused and resumed
/// trial trains in several), not only this attempt's.</param>
/// <param name="History">Every epoch of the trial (the coordinator's record of its best metric sees every epoch, even
/// those whose progress reports went to a coordinator activation that was lost before it stored them).</param>
/// <param name="Test">Completed with a test split: its final weights on the held-out test rows (for the report only).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialFinished")]
public sealed record TrialFinished(
    [property: Id(0)] int TrialIndex,
    [property: Id(1)] int Attempt,
    [property: Id(2)] TrialStatus Status,
    [property: Id(3)] EpochRecord? Last,
    [property: Id(4)] string? Error,
    [property: Id(5)] string Silo,
    [property: Id(6)] double WallSeconds,
    [property: Id(7)] IReadOnlyList<EpochRecord>? History = null,
    [property: Id(8)] HeldOutEvaluation? Test = null);

/// <summary>The epochs of one attempt finished since its last report, in order (one or more).</summary>
/// <param name="WallSeconds">The trial's training time so far, over all its attempts and segments.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialEpochs")]
public sealed record TrialEpochs(
    [property: Id(0)] int TrialIndex,
    [property: Id(1)] int Attempt,
    [property: Id(2)] IReadOnlyList<EpochRecord> Records,
    [property: Id(3)] string Silo,
    [property: Id(4)] double WallSeconds = 0);

/// <summary>A trial grain's state without its history: what its coordinator needs to reconcile after a restart.</summary>
/// <param name="Last">The last epoch stored (the trial's epochs are 1..Last.Epoch); null before the first.</param>
/// <param name="IsTraining">Whether an attempt is alive in this activation (false after a silo loss).</param>
/// <param name="Test">Completed with a test split: its final weights on the held-out test rows.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialStatusReport")]
public sealed record TrialStatusReport(
    [property: Id(0)] TrialStatus Status,
    [property: Id(1)] int Attempt,
    [property: Id(2)] EpochRecord? Last,
    [property: Id(3)] string? Error,
    [property: Id(4)] string? Silo,
    [property: Id(5)] double WallSeconds,
    [property: Id(6)] bool IsTraining,
    [property: Id(7)] string? StopReason,
    [property: Id(8)] HeldOutEvaluation? Test = null);
