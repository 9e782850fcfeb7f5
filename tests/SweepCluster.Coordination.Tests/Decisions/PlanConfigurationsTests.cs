// A plan that keeps its configurations (a one-off report's) hands out exactly what a plan that works them out again
// (a coordinator's) does, with new seeds or not, and the same objects every time.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PlanConfigurationsTests
{
    private static SweepPlan Plan(string yaml, PlanConfigurations keep) => SweepPlan.Create(SweepSpecLoader.Parse(yaml, SpecFormat.Yaml, "sweep.yaml"), keep);

    [Theory]
    [InlineData(Specs.FifoRandom)]
    [InlineData(Specs.FifoGrid)]
    public void AKeepingPlanHasTheSameTrialsAsARecomputingOne(string yaml)
    {
        var (recomputing, keeping) = (Plan(yaml, PlanConfigurations.Recompute), Plan(yaml, PlanConfigurations.Keep));
        var extension = new[] { new SweepExtension(0, [7]) };
        AssertSameTrials(recomputing, keeping);
        AssertSameTrials(recomputing.WithExtensions(extension), keeping.WithExtensions(extension));
        Assert.Same(keeping.Configuration(1), keeping.Configuration(1));
    }

    private static void AssertSameTrials(SweepPlan expected, SweepPlan actual)
    {
        Assert.Equal(expected.TotalTrials, actual.TotalTrials);
        Assert.Equal(expected.EpochsPlanned, actual.EpochsPlanned);
        for (var i = 0; i < expected.TotalTrials; i++)
        {
            var (want, got) = (expected.Configuration(i), actual.Configuration(i));
            Assert.Equal((want.Index, want.Combination, want.Seed), (got.Index, got.Combination, got.Seed));
            Assert.Equal(want.Axes, got.Axes);
            Assert.True(want.Spec.SameAs(got.Spec), $"trial {i}");
        }
    }
}
