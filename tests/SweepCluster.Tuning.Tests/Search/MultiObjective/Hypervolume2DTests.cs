// The exact 2-objective hypervolume: known areas, the goals' directions, points outside the reference, and the sweep
// against the naive grid on random inputs.
using SweepCluster.Core;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

public sealed class Hypervolume2DTests
{
    private static readonly MetricGoal[] MinMin = [MetricGoal.Minimize, MetricGoal.Minimize];

    [Fact]
    public void KnownAreas()
    {
        var reference = ObjectiveVector.Of(4, 4);
        Assert.Equal(0, Hypervolume2D.Of([], MinMin, reference));
        Assert.Equal(9, Hypervolume2D.Of([ObjectiveVector.Of(1, 1)], MinMin, reference));
        // Union of [1,4]×[3,4] and [2,4]×[1,4]: 3 + 6 − 2.
        Assert.Equal(7, Hypervolume2D.Of([ObjectiveVector.Of(1, 3), ObjectiveVector.Of(2, 1)], MinMin, reference));
        // A dominated point and a duplicate add nothing.
        Assert.Equal(7, Hypervolume2D.Of([ObjectiveVector.Of(1, 3), ObjectiveVector.Of(2, 1), ObjectiveVector.Of(3, 3), ObjectiveVector.Of(2, 1)], MinMin, reference));
        // Points on or beyond the reference add nothing.
        Assert.Equal(0, Hypervolume2D.Of([ObjectiveVector.Of(4, 1), ObjectiveVector.Of(1, 5)], MinMin, reference));
    }

    [Fact]
    public void MaximisedObjectivesAreMeasuredTheirWay()
    {
        // accuracy up to 0.9 from reference 0.5, steps down to 100 from reference 300: 0.4 × 200.
        MetricGoal[] goals = [MetricGoal.Maximize, MetricGoal.Minimize];
        Assert.Equal(80, Hypervolume2D.Of([ObjectiveVector.Of(0.9, 100)], goals, ObjectiveVector.Of(0.5, 300)), 9);
    }

    [Fact]
    public void OnlyTwoObjectives() =>
        Assert.Throws<ArgumentException>(() => Hypervolume2D.Of([ObjectiveVector.Of(1, 1, 1)], [MetricGoal.Minimize, MetricGoal.Minimize, MetricGoal.Minimize], ObjectiveVector.Of(2, 2, 2)));

    [Fact]
    public void SweepEqualsTheNaiveGridOnRandomInputs()
    {
        var random = new Random(7);
        MetricGoal[] goals = [MetricGoal.Maximize, MetricGoal.Minimize];
        for (var round = 0; round < 300; round++)
        {
            var vectors = RandomVectors.Of(random, random.Next(0, 30), 2, levels: random.Next(2, 15));
            var reference = ObjectiveVector.Of(random.Next(-1, 5), random.Next(5, 16));
            Assert.Equal(Hypervolume2D.Naive(vectors, goals, reference), Hypervolume2D.Of(vectors, goals, reference), 9);
        }
    }
}
