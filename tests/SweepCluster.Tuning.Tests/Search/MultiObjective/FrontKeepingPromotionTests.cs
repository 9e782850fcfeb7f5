// The front-keeping promotion rule's guarantee as properties on random rungs (many ties and duplicates): no trial the
// rung's other trials do not dominate is left out, exactly max(⌊n/η⌋, |front|) are promoted, nothing promoted is
// dominated by a trial held back, the same set whatever the order; and with a tolerance ε, every trial no other
// ε-dominates is promoted, which contains the front.
using SweepCluster.Core;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

public sealed class FrontKeepingPromotionTests
{
    private const int Rounds = 300;
    private const int MaxResults = 40;
    private static readonly MetricGoal[] MaxMin = [MetricGoal.Maximize, MetricGoal.Minimize];
    private static readonly MetricGoal[] MaxMinMin = [MetricGoal.Maximize, MetricGoal.Minimize, MetricGoal.Minimize];

    private static RungResult[] Rung(Random random, int n, int objectives, int levels) =>
        RandomVectors.Of(random, n, objectives, levels).Select((v, i) => new RungResult(1000 + 7 * i, v)).ToArray();

    /// <summary>Trials no other result dominates (the rung's Pareto front), by brute force.</summary>
    private static HashSet<int> NonDominated(RungResult[] results, IReadOnlyList<MetricGoal> goals) =>
        results.Where(a => !results.Any(b => ParetoDominance.Dominates(b.Objectives, a.Objectives, goals))).Select(a => a.TrialIndex).ToHashSet();

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    public void NoNonDominatedTrialIsEverPruned(int eta, int objectives)
    {
        var random = new Random(eta * 10 + objectives);
        var goals = objectives == 2 ? MaxMin : MaxMinMin;
        for (var round = 0; round < Rounds; round++)
        {
            var results = Rung(random, random.Next(0, MaxResults), objectives, levels: random.Next(2, 12));
            var promoted = ParetoPromotion.Promotable(results, goals, eta, ParetoPromotionRule.FrontKeeping, epsilon: 0).ToHashSet();
            var front = NonDominated(results, goals);

            Assert.Subset(promoted, front);
            Assert.Equal(Math.Max(results.Length / eta, front.Count), promoted.Count);
            AssertNothingPromotedIsDominatedByTheHeldBack(results, promoted, goals);
            var shuffled = results.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(ParetoPromotion.Promotable(results, goals, eta, ParetoPromotionRule.FrontKeeping, 0),
                ParetoPromotion.Promotable(shuffled, goals, eta, ParetoPromotionRule.FrontKeeping, 0));
        }
    }

    [Theory]
    [InlineData(3, 0.1)]
    [InlineData(2, 0.25)]
    [InlineData(4, 0.5)]
    public void WithATolerance_EveryTrialNotEpsilonDominatedIsPromoted(int eta, double epsilon)
    {
        var random = new Random(eta + (int)(epsilon * 100));
        for (var round = 0; round < Rounds; round++)
        {
            var results = Rung(random, random.Next(0, MaxResults), 2, levels: random.Next(2, 12));
            var promoted = ParetoPromotion.Promotable(results, MaxMin, eta, ParetoPromotionRule.FrontKeeping, epsilon).ToHashSet();
            var required = NotEpsilonDominated(results, epsilon);

            Assert.Subset(promoted, required);
            Assert.Subset(required, NonDominated(results, MaxMin));
            Assert.Equal(Math.Max(results.Length / eta, required.Count), promoted.Count);
            AssertNothingPromotedIsDominatedByTheHeldBack(results, promoted, MaxMin);
            var shuffled = results.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(ParetoPromotion.Promotable(results, MaxMin, eta, ParetoPromotionRule.FrontKeeping, epsilon),
                ParetoPromotion.Promotable(shuffled, MaxMin, eta, ParetoPromotionRule.FrontKeeping, epsilon));
        }
    }

    [Fact]
    public void WhenTheFrontFitsItIsFrontPeeling()
    {
        var random = new Random(5);
        for (var round = 0; round < Rounds; round++)
        {
            var results = Rung(random, random.Next(0, MaxResults), 2, levels: random.Next(2, 12));
            if (NonDominated(results, MaxMin).Count > results.Length / 3) continue;
            Assert.Equal(ParetoPromotion.Promotable(results, MaxMin, 3), ParetoPromotion.Promotable(results, MaxMin, 3, ParetoPromotionRule.FrontKeeping, 0));
        }
    }

    [Fact]
    public void AFrontLargerThanTheQuotaIsKeptWhole()
    {
        // Five trials on one front (accuracy up, steps down) and one dominated: front peeling promotes ⌊6/2⌋ = 3, front
        // keeping all five.
        var results = new[] { (0.9, 500.0), (0.8, 300.0), (0.85, 400.0), (0.7, 100.0), (0.75, 200.0), (0.6, 500.0) }
            .Select((p, i) => new RungResult(i, ObjectiveVector.Of(p.Item1, p.Item2))).ToArray();
        Assert.Equal(3, ParetoPromotion.Promotable(results, MaxMin, eta: 2).Count);
        Assert.Equal([0, 1, 2, 3, 4], ParetoPromotion.Promotable(results, MaxMin, eta: 2, ParetoPromotionRule.FrontKeeping, epsilon: 0));
    }

    [Fact]
    public void ATrialWithinEpsilonOfItsDominatorIsKept()
    {
        // Same steps; accuracies 0.90, 0.89, 0.50 (range 0.4): with ε = 0.05 (a margin of 0.02) 0.89 is not decisively
        // worse than 0.90 and stays, 0.50 goes; with ε = 0 only 0.90 is on the front.
        RungResult[] results = [new(0, ObjectiveVector.Of(0.90, 100)), new(1, ObjectiveVector.Of(0.89, 100)), new(2, ObjectiveVector.Of(0.50, 100))];
        Assert.Equal([0, 1], ParetoPromotion.Promotable(results, MaxMin, eta: 3, ParetoPromotionRule.FrontKeeping, epsilon: 0.05));
        Assert.Equal([0], ParetoPromotion.Promotable(results, MaxMin, eta: 3, ParetoPromotionRule.FrontKeeping, epsilon: 0));
    }

    [Fact]
    public void BadTolerancesAreRefused()
    {
        RungResult[] results = [new(1, ObjectiveVector.Of(0.5, 9)), new(2, ObjectiveVector.Of(0.9, 1))];
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoPromotion.Promotable(results, MaxMin, 2, ParetoPromotionRule.FrontKeeping, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoPromotion.Promotable(results, MaxMin, 2, ParetoPromotionRule.FrontKeeping, double.NaN));
        Assert.Throws<ArgumentException>(() => ParetoPromotion.Promotable(results, MaxMin, 2, ParetoPromotionRule.FrontPeeling, 0.1));
    }

    /// <summary>Trials no other result ε-dominates, by brute force on (accuracy up, steps down).</summary>
    private static HashSet<int> NotEpsilonDominated(RungResult[] results, double epsilon)
    {
        if (results.Length == 0) return [];
        double Range(int j) => results.Max(r => r.Objectives[j]) - results.Min(r => r.Objectives[j]);
        var (accuracyMargin, stepsMargin) = (epsilon * Range(0), epsilon * Range(1));
        bool Dominates(ObjectiveVector b, ObjectiveVector a) =>
            b[0] >= a[0] && b[1] <= a[1] && (b[0] > a[0] + accuracyMargin || b[1] < a[1] - stepsMargin);
        return results.Where(a => !results.Any(b => b != a && Dominates(b.Objectives, a.Objectives))).Select(a => a.TrialIndex).ToHashSet();
    }

    private static void AssertNothingPromotedIsDominatedByTheHeldBack(RungResult[] results, HashSet<int> promoted, IReadOnlyList<MetricGoal> goals)
    {
        foreach (var held in results.Where(r => !promoted.Contains(r.TrialIndex)))
            foreach (var kept in results.Where(r => promoted.Contains(r.TrialIndex)))
                Assert.False(ParetoDominance.Dominates(held.Objectives, kept.Objectives, goals));
    }
}
