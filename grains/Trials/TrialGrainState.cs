using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Grains.Trials;

/// <summary>What a trial grain keeps in storage: its assignment, progress, latest checkpoint, result and attempts.</summary>
/// <param name="Checkpoint">The latest epoch-boundary checkpoint (CheckpointSerializer bytes); null before the first.</param>
/// <param name="CheckpointEpoch">Epochs completed at that checkpoint.</param>
/// <param name="StopReason">Paused or Pruned: the trial scheduler's reason.</param>
/// <param name="Attempts">Every attempt that started training: where, from which epoch, and how far it got.</param>
[GenerateSerializer, Alias("SweepCluster.TrialGrainState")]
public sealed record TrialGrainState(
    [property: Id(0)] TrialAssignment? Assignment,
    [property: Id(1)] TrialStatus Status,
    [property: Id(2)] IReadOnlyList<EpochRecord> History,
    [property: Id(3)] byte[]? Checkpoint,
    [property: Id(4)] int CheckpointEpoch,
    [property: Id(5)] string? Error,
    [property: Id(6)] string? Silo,
    [property: Id(7)] double WallSeconds,
    [property: Id(8)] IReadOnlyList<AttemptRecord> Attempts,
    [property: Id(9)] string? StopReason = null)
{
    public TrialGrainState() : this(null, TrialStatus.Pending, [], null, 0, null, null, 0, []) { }
}
