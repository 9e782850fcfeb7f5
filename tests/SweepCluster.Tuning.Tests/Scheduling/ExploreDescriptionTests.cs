// The words for PBT's explore step: factors, a resample, and the scheduler's reason using the same words.

using SweepCluster.Core.Reports;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class ExploreDescriptionTests
{
    [Fact]
    public void FactorsAreNamedPerSchedule() =>
        Assert.Equal("learning rate ×1.2, weight decay ×0.8, batch size ×1", ExploreDescription.Of(1.2, 0.8, 1, null));

    [Fact]
    public void AResampleNamesTheTrialWhoseSchedulesWereTaken() =>
        Assert.Equal("resampled from the search space (draw 5)", ExploreDescription.Of(new ExploitEvent(4, 0, 1, 1, 1, ResampleDraw: 5)));
}
