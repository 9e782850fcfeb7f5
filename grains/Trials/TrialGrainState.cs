// What a trial grain keeps in storage, in two records: its progress (assignment, status, history, attempts, result),
// written at checkpoints, decisions and ends; and its latest checkpoint, written only when there is a new one. A
// decision, a pause or an end never rewrites the weights.
using SweepCluster.Engine.Training;
using SweepCluster.Core;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Trials;

/// <summary>A trial's assignment, progress, result and attempts.</summary>
/// <param name="History">Every epoch stored; a resume keeps those up to the checkpoint's epoch and trains on from there.</param>
/// <param name="StopReason">Paused or Pruned: the trial scheduler's reason.</param>
/// <param name="Attempts">Every attempt that started training: where, from which epoch, and how far it got.</param>
/// <param name="Failures">Attempts that ended Failed: a start whose coordinator has counted fewer hands the failure back.</param>
/// <param name="Test">Completed with a test split: its final weights on the held-out test rows.</param>
[GenerateSerializer, Alias("SweepCluster.TrialGrainState.v2")]
public sealed record TrialGrainState(
    [property: Id(0)] TrialAssignment? Assignment,
    [property: Id(1)] TrialStatus Status,
    [property: Id(2)] IReadOnlyList<EpochRecord> History,
    [property: Id(3)] string? Error,
    [property: Id(4)] string? Silo,
    [property: Id(5)] double WallSeconds,
    [property: Id(6)] IReadOnlyList<AttemptRecord> Attempts,
    [property: Id(7)] string? StopReason = null,
    [property: Id(8)] int Failures = 0,
    [property: Id(9)] HeldOutEvaluation? Test = null)
{
    public TrialGrainState() : this(null, TrialStatus.Pending, [], null, null, 0, []) { }

    public EpochRecord? Last => History.Count > 0 ? History[^1] : null;
}

/// <summary>The latest epoch-boundary checkpoint: the weights and optimizer state after <see cref="Epoch"/>.</summary>
/// <param name="Bytes">CheckpointSerializer bytes; null before the first.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialCheckpointState")]
public sealed record TrialCheckpointState([property: Id(0)] int Epoch, [property: Id(1)] byte[]? Bytes)
{
    public TrialCheckpointState() : this(0, null) { }
}
