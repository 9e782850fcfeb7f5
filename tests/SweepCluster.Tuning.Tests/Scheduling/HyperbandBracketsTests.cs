// Hyperband's brackets: how many a trial has, their weights (Hyperband's n_i, Optuna's allocation budget), and the
// bracket of each combination: deterministic, close to the weights from the first combinations on, the same for
// every seed of a combination.
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class HyperbandBracketsTests
{
    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Hyperband, MinEpochs = 1, Eta = 3 };

    [Fact]
    public void ATrialHasOneBracketPerRungAndOneThatTrainsInFullCappedByTheDefaultOrTheSpec()
    {
        var brackets = new HyperbandBrackets(Settings);
        Assert.Equal(1, brackets.Count(1)); // no rung: the one bracket trains in full
        Assert.Equal(3, brackets.Count(9)); // rungs 1, 3
        Assert.Equal(4, brackets.Count(10)); // rungs 1, 3, 9
        Assert.Equal(SchedulerSettings.DefaultMostBrackets, brackets.Count(1000)); // rungs 1 … 729: capped
        Assert.Equal(2, new HyperbandBrackets(Settings with { Brackets = 2 }).Count(27));
        Assert.Equal(3, new HyperbandBrackets(Settings with { Brackets = 4 }).Count(9)); // a shorter trial has fewer
        Assert.Equal(2, new HyperbandBrackets(Settings with { MinEpochs = 2, Eta = 2 }).Count(4)); // rung 2
    }

    [Fact]
    public void TheWeightsAreHyperbandsNumbersOfConfigurations()
    {
        var brackets = new HyperbandBrackets(Settings);
        Assert.Equal([9L, 5, 3], Enumerable.Range(0, 3).Select(s => brackets.Weight(s, 3)));
        Assert.Equal([27L, 12, 6, 4], Enumerable.Range(0, 4).Select(s => brackets.Weight(s, 4)));
        Assert.Equal([81L, 34, 15, 8, 5], Enumerable.Range(0, 5).Select(s => brackets.Weight(s, 5)));
        Assert.Equal(1L, brackets.Weight(0, 1));
        var halving = new HyperbandBrackets(Settings with { Eta = 2 });
        Assert.Equal([4L, 3, 3], Enumerable.Range(0, 3).Select(s => halving.Weight(s, 3)));
    }

    [Fact]
    public void ACombinationsBracketIsAPureFunctionOfItsIndexAndEpochs()
    {
        var first = Enumerable.Range(0, 500).Select(c => new HyperbandBrackets(Settings).Of(c, 9)).ToArray();
        var again = new HyperbandBrackets(Settings);
        Assert.Equal(first, Enumerable.Range(0, 500).Select(c => again.Of(c, 9)));
        Assert.Equal(first.Reverse(), Enumerable.Range(0, 500).Reverse().Select(c => again.Of(c, 9)));
        Assert.All(first, b => Assert.InRange(b, 0, 2));
        Assert.All(Enumerable.Range(0, 50), c => Assert.Equal(0, again.Of(c, 1))); // one bracket
    }

    [Theory]
    [InlineData(9, 3)]
    [InlineData(27, 4)]
    [InlineData(1000, 5)]
    public void CombinationsAreSplitInProportionToTheWeightsFromTheFirstOnes(int epochs, int count)
    {
        var brackets = new HyperbandBrackets(Settings);
        Assert.Equal(count, brackets.Count(epochs));
        var weights = Enumerable.Range(0, count).Select(s => brackets.Weight(s, count)).ToArray();
        var total = weights.Sum();
        foreach (var combinations in new[] { (int)total, 10 * (int)total, 2000 })
        {
            var counts = new int[count];
            for (var c = 0; c < combinations; c++) counts[brackets.Of(c, epochs)]++;
            for (var s = 0; s < count; s++)
            {
                var expected = (double)combinations * weights[s] / total;
                Assert.InRange(counts[s], expected - 2, expected + 2); // the Weyl sequence's discrepancy, not a hash's √n
            }
        }
    }
}
