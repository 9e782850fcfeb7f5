// The trial spec a PBT restart runs: the donor's current spec (its hyperparameters, and its seed, which is the seed
// its weights were initialised with) with the restart's factors applied to the three schedules, or with the schedules
// of a fresh draw from the search space when explore resamples. Factors multiply: a trial perturbed twice carries the
// product.
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Specs;

namespace SweepCluster.Tuning.Scheduling;

public static class PbtExplore
{
    /// <param name="donor">The donor's current trial spec.</param>
    /// <param name="resampled">The spec of draw <see cref="TrialRestart.ResampleDraw"/> (ISearcher.Draw), when explore resamples.</param>
    public static TrialSpec Apply(TrialSpec donor, TrialRestart restart, TrialSpec? resampled = null)
    {
        ArgumentNullException.ThrowIfNull(donor);
        ArgumentNullException.ThrowIfNull(restart);
        if (restart.ResampleDraw is not null && resampled is not null)
        {
            return donor with
            {
                LearningRate = SameFamily(donor.LearningRate, resampled.LearningRate),
                WeightDecay = SameFamily(donor.WeightDecay, resampled.WeightDecay),
                BatchSize = SameFamily(donor.BatchSize, resampled.BatchSize),
            };
        }
        return donor with
        {
            LearningRate = Scaled(donor.LearningRate, restart.LearningRateFactor),
            WeightDecay = Scaled(donor.WeightDecay, restart.WeightDecayFactor),
            BatchSize = Scaled(donor.BatchSize, restart.BatchSizeFactor),
        };
    }

    private static ScheduleSpec Scaled(ScheduleSpec schedule, double factor) =>
        factor == 1.0 ? schedule : schedule with { Scale = (schedule.Scale ?? 1.0) * factor };

    // The donor's checkpoint holds its schedules' adaptive state: a resampled schedule of another family could not
    // take it over, so only a schedule of the same family is swapped in (otherwise the donor's stays).
    private static ScheduleSpec SameFamily(ScheduleSpec donor, ScheduleSpec sample) =>
        sample.Family == donor.Family && sample.Warmup == donor.Warmup ? sample : donor;
}
