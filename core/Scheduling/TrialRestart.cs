// PBT's exploit and explore for one trial, as a scheduler decides it: which donor's checkpoint to copy and how to
// change the hyperparameters from there. Marked for Orleans' serializer: a decision not handed out yet is stored with
// the scheduler's state (PbtSnapshot).
namespace SweepCluster.Core.Scheduling;

/// <summary>
/// Start a trial from another trial's checkpoint with changed hyperparameters (population-based training's exploit).
/// </summary>
/// <param name="TrialIndex">The trial that restarts.</param>
/// <param name="DonorTrialIndex">The trial whose latest checkpoint it copies.</param>
/// <param name="LearningRateFactor">Multiplier applied to the learning rate from here on (1 = unchanged).</param>
/// <param name="WeightDecayFactor">Multiplier applied to the weight decay from here on.</param>
/// <param name="BatchSizeFactor">Multiplier applied to the batch size from here on.</param>
/// <param name="Epoch">The epoch boundary of the donor's checkpoint.</param>
/// <param name="ResampleDraw">Explore by resampling: take the schedules of this fresh draw from the search space
/// (the searcher's Draw; factors are then 1).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialRestart")]
public sealed record TrialRestart(
    [property: Id(0)] int TrialIndex,
    [property: Id(1)] int DonorTrialIndex,
    [property: Id(2)] double LearningRateFactor,
    [property: Id(3)] double WeightDecayFactor,
    [property: Id(4)] double BatchSizeFactor,
    [property: Id(5)] int Epoch = 0,
    [property: Id(6)] int? ResampleDraw = null);
