// Fresh draws from the search space (PBT's resample): fixed by the draw number, apart from the trials' own draws,
// within the spec's distributions; a grid's draws are its own combinations.
using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class SearchSpaceDrawTests
{
    private const double Low = 1e-3;
    private const double High = 1e-1;

    private static readonly string RandomSpec = $$"""
        search: { strategy: random, trials: 20, seed: 7 }
        learning_rate: { schedule: cosine, initial: { loguniform: [{{Low}}, {{High}}] } }
        batch_size: { choice: [16, 64] }
        """;

    [Fact]
    public void ARandomSearchDrawIsFixedByItsNumberAndIsNoneOfTheTrialsDraws()
    {
        var searcher = SearcherFactory.Create(Yaml(RandomSpec));
        var draws = Enumerable.Range(0, 50).Select(searcher.Draw).ToArray();
        var trials = Enumerable.Range(0, searcher.TotalTrials).Select(i => searcher.Suggest(i).Spec.LearningRate.Initial).ToHashSet();

        static (double, double) Values(Core.Specs.TrialSpec s) => (s.LearningRate.Initial, s.BatchSize.Initial);
        Assert.Equal(draws.Select(Values), Enumerable.Range(0, 50).Select(searcher.Draw).Select(Values)); // the same number, the same draw
        Assert.Equal(50, draws.Select(d => d.LearningRate.Initial).Distinct().Count());  // every draw is a new one
        Assert.DoesNotContain(draws, d => trials.Contains(d.LearningRate.Initial));      // apart from the trials' draws
        Assert.All(draws, d => Assert.InRange(d.LearningRate.Initial, Low, High));
        Assert.All(draws, d => Assert.Equal(Core.Specs.ScheduleFamily.Cosine, d.LearningRate.Family));
        Assert.Equal([16.0, 64.0], draws.Select(d => d.BatchSize.Initial).Distinct().Order());
    }

    [Fact]
    public void AGridDrawIsOneOfItsCombinations()
    {
        var searcher = SearcherFactory.Create(Yaml("""
            search: { strategy: grid }
            learning_rate: [0.1, 0.01, 0.001]
            batch_size: [16, 64]
            """));
        var combinations = Enumerable.Range(0, searcher.TotalTrials)
            .Select(i => searcher.Suggest(i).Spec).Select(s => (s.LearningRate.Initial, s.BatchSize.Initial)).ToHashSet();
        var draws = Enumerable.Range(0, 60).Select(d => searcher.Draw(d)).Select(s => (s.LearningRate.Initial, s.BatchSize.Initial)).ToArray();

        Assert.All(draws, d => Assert.Contains(d, combinations));
        Assert.Equal(combinations.Count, draws.Distinct().Count()); // 60 draws reach all 6
        Assert.Throws<ArgumentOutOfRangeException>(() => searcher.Draw(-1));
    }
}
