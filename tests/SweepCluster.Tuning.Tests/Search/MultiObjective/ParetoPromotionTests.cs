// The front-peeling promotion rule's properties on random rungs (many ties): exactly ⌊n/η⌋ promotable, whole fronts
// first, the Pareto front kept when it fits, nothing promoted that a held-back trial dominates, the same set whatever
// the order; and with one objective, plain successive halving's top ⌊n/η⌋.
using SweepCluster.Core;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

public sealed class ParetoPromotionTests
{
    private static readonly MetricGoal[] MaxMin = [MetricGoal.Maximize, MetricGoal.Minimize];

    private static RungResult[] Rung(Random random, int n, int objectives, int levels) =>
        RandomVectors.Of(random, n, objectives, levels).Select((v, i) => new RungResult(1000 + 7 * i, v)).ToArray();

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void PromotionPropertiesHoldOnRandomRungs(int eta, int objectives)
    {
        var random = new Random(eta * 10 + objectives);
        var goals = objectives == 2 ? MaxMin : [MetricGoal.Maximize, MetricGoal.Minimize, MetricGoal.Minimize];
        for (var round = 0; round < 200; round++)
        {
            var results = Rung(random, random.Next(0, 40), objectives, levels: random.Next(2, 10));
            var promoted = ParetoPromotion.Promotable(results, goals, eta).ToHashSet();
            Assert.Equal(results.Length / eta, promoted.Count);

            var ranks = NonDominatedSorting.Ranks(results.Select(r => r.Objectives).ToArray(), goals);
            var rankOf = results.Select((r, i) => (r.TrialIndex, Rank: ranks[i])).ToDictionary(p => p.TrialIndex, p => p.Rank);
            var worstPromoted = promoted.Count == 0 ? -1 : promoted.Max(t => rankOf[t]);
            // Fronts in rank order: everything better than the last admitted front is in.
            Assert.All(results.Where(r => rankOf[r.TrialIndex] < worstPromoted), r => Assert.Contains(r.TrialIndex, promoted));
            // The Pareto front is in whole when it fits.
            var front = results.Where(r => rankOf[r.TrialIndex] == 0).ToArray();
            if (front.Length <= promoted.Count) Assert.All(front, r => Assert.Contains(r.TrialIndex, promoted));
            else Assert.All(promoted, t => Assert.Equal(0, rankOf[t]));
            // No promoted trial is dominated by one held back.
            foreach (var held in results.Where(r => !promoted.Contains(r.TrialIndex)))
                foreach (var kept in results.Where(r => promoted.Contains(r.TrialIndex)))
                    Assert.False(ParetoDominance.Dominates(held.Objectives, kept.Objectives, goals));
            // The same set whatever the order.
            var shuffled = results.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(ParetoPromotion.Promotable(results, goals, eta), ParetoPromotion.Promotable(shuffled, goals, eta));
        }
    }

    [Fact]
    public void WhenTheFrontIsTooLargeItsExtremesGoFirst()
    {
        // Five trials on one front (accuracy up, steps down); ⌊5/2⌋ = 2 promotable: the most accurate and the cheapest.
        var results = new[] { (0.9, 500.0), (0.8, 300.0), (0.85, 400.0), (0.7, 100.0), (0.75, 200.0) }
            .Select((p, i) => new RungResult(i, ObjectiveVector.Of(p.Item1, p.Item2))).ToArray();
        Assert.Equal([0, 3], ParetoPromotion.Promotable(results, MaxMin, eta: 2));
    }

    [Fact]
    public void WithOneObjectiveItIsTheTopByValue()
    {
        var random = new Random(3);
        for (var round = 0; round < 100; round++)
        {
            // Distinct values, so the top ⌊n/η⌋ is unambiguous.
            var values = Enumerable.Range(0, random.Next(0, 30)).Select(i => (double)i).OrderBy(_ => random.Next()).ToArray();
            var results = values.Select((v, i) => new RungResult(i, ObjectiveVector.Of(v))).ToArray();
            var expected = results.OrderByDescending(r => r.Objectives[0]).Take(values.Length / 3).Select(r => r.TrialIndex).Order();
            Assert.Equal(expected, ParetoPromotion.Promotable(results, [MetricGoal.Maximize], eta: 3));
        }
    }

    [Fact]
    public void BadRungsAreRefused()
    {
        RungResult[] twice = [new(1, ObjectiveVector.Of(1, 1)), new(1, ObjectiveVector.Of(2, 2))];
        Assert.Throws<ArgumentException>(() => ParetoPromotion.Promotable(twice, MaxMin, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoPromotion.Promotable([], MaxMin, 1));
        Assert.True(ParetoPromotion.IsPromotable(2, [new(1, ObjectiveVector.Of(0.5, 9)), new(2, ObjectiveVector.Of(0.9, 1))], MaxMin, 2));
    }
}
