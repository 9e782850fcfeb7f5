// Dominance, non-dominated sorting (fast vs the naive peeling, on random inputs with many ties) and crowding distance
// on hand-checked cases.
using SweepCluster.Core;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

public sealed class ParetoSortingTests
{
    private static readonly MetricGoal[] MaxMin = [MetricGoal.Maximize, MetricGoal.Minimize];

    [Fact]
    public void DominanceFollowsTheGoals()
    {
        Assert.True(ParetoDominance.Dominates(ObjectiveVector.Of(0.9, 10), ObjectiveVector.Of(0.8, 10), MaxMin));
        Assert.True(ParetoDominance.Dominates(ObjectiveVector.Of(0.9, 5), ObjectiveVector.Of(0.8, 10), MaxMin));
        Assert.False(ParetoDominance.Dominates(ObjectiveVector.Of(0.9, 20), ObjectiveVector.Of(0.8, 10), MaxMin));
        Assert.False(ParetoDominance.Dominates(ObjectiveVector.Of(0.9, 10), ObjectiveVector.Of(0.9, 10), MaxMin));
        Assert.True(ParetoDominance.Dominates(ObjectiveVector.Of(1, 1), ObjectiveVector.Of(2, 1), [MetricGoal.Minimize, MetricGoal.Minimize]));
    }

    [Fact]
    public void BadInputsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ParetoDominance.Dominates(ObjectiveVector.Of(1), ObjectiveVector.Of(1, 2), MaxMin));
        Assert.Throws<ArgumentException>(() => NonDominatedSorting.Ranks([ObjectiveVector.Of(double.NaN, 1)], MaxMin));
        Assert.Throws<ArgumentException>(() => NonDominatedSorting.Ranks([ObjectiveVector.Of(1, double.PositiveInfinity)], MaxMin));
        Assert.Throws<ArgumentException>(() => NonDominatedSorting.Ranks([ObjectiveVector.Of(1, 2)], []));
        Assert.Throws<ArgumentException>(() => ObjectiveVector.Of());
    }

    [Fact]
    public void RanksOfAHandCheckedSet()
    {
        // accuracy up, steps down: (0.9, 100) and (0.8, 50) form the front; (0.85, 100) is behind the first; (0.7, 200) last.
        ObjectiveVector[] vectors = [ObjectiveVector.Of(0.85, 100), ObjectiveVector.Of(0.9, 100), ObjectiveVector.Of(0.7, 200), ObjectiveVector.Of(0.8, 50)];
        Assert.Equal([1, 0, 2, 0], NonDominatedSorting.Ranks(vectors, MaxMin));
        Assert.Equal([[1, 3], [0], [2]], NonDominatedSorting.Fronts(vectors, MaxMin));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FastSortingEqualsThePeelingOnRandomInputs(int objectives)
    {
        var random = new Random(objectives);
        var goals = Enumerable.Range(0, objectives).Select(j => j % 2 == 0 ? MetricGoal.Maximize : MetricGoal.Minimize).ToArray();
        for (var round = 0; round < 200; round++)
        {
            var vectors = RandomVectors.Of(random, random.Next(0, 40), objectives, levels: random.Next(2, 12));
            var rows = vectors.Select(v => v.Values.Select((x, j) => goals[j] == MetricGoal.Maximize ? -x : x).ToArray()).ToArray();
            var ranks = NonDominatedSorting.Ranks(vectors, goals);
            Assert.Equal(NonDominatedSorting.RanksNaive(rows), ranks);
            // Equal vectors share a rank; a dominator always ranks lower.
            for (var p = 0; p < vectors.Length; p++)
                for (var q = 0; q < vectors.Length; q++)
                {
                    if (vectors[p].Equals(vectors[q])) Assert.Equal(ranks[p], ranks[q]);
                    if (ParetoDominance.Dominates(vectors[p], vectors[q], goals)) Assert.True(ranks[p] < ranks[q]);
                }
        }
    }

    [Fact]
    public void CrowdingDistanceOfAHandCheckedFront()
    {
        // Four points on a line x + y = 3 (one front); the interior ones see neighbours 2 apart in both objectives of range 3.
        ObjectiveVector[] front = [ObjectiveVector.Of(0, 3), ObjectiveVector.Of(1, 2), ObjectiveVector.Of(2, 1), ObjectiveVector.Of(3, 0)];
        var distances = CrowdingDistance.Of(front);
        Assert.Equal(double.PositiveInfinity, distances[0]);
        Assert.Equal(double.PositiveInfinity, distances[3]);
        Assert.Equal(4.0 / 3, distances[1], 12);
        Assert.Equal(4.0 / 3, distances[2], 12);
        Assert.All(CrowdingDistance.Of([ObjectiveVector.Of(1, 1), ObjectiveVector.Of(2, 0)]), d => Assert.Equal(double.PositiveInfinity, d));
        Assert.Empty(CrowdingDistance.Of([]));
    }

    [Fact]
    public void AnObjectiveWithOneValueAddsNothing()
    {
        ObjectiveVector[] front = [ObjectiveVector.Of(0, 5), ObjectiveVector.Of(1, 5), ObjectiveVector.Of(3, 5)];
        var distances = CrowdingDistance.Of(front);
        Assert.Equal(1.0, distances[1], 12);  // (3 − 0) / 3 from the first objective, nothing from the second
    }
}
