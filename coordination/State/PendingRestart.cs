// PBT's exploit and explore for a trial's next dispatch, as stored with the trial until that dispatch is carried out.
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Coordination.State;

/// <summary>A stored <see cref="TrialRestart"/>: start from <see cref="Donor"/>'s checkpoint at <see cref="Epoch"/>.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.PendingRestart")]
public sealed record PendingRestart(
    [property: Id(0)] int Donor,
    [property: Id(1)] int Epoch,
    [property: Id(2)] double LearningRateFactor,
    [property: Id(3)] double WeightDecayFactor,
    [property: Id(4)] double BatchSizeFactor,
    [property: Id(5)] int? ResampleDraw)
{
    public static PendingRestart From(TrialRestart restart) =>
        new(restart.DonorTrialIndex, restart.Epoch, restart.LearningRateFactor, restart.WeightDecayFactor, restart.BatchSizeFactor, restart.ResampleDraw);

    public TrialRestart ToRestart(int trial) =>
        new(trial, Donor, LearningRateFactor, WeightDecayFactor, BatchSizeFactor, Epoch, ResampleDraw);
}
