using System.Globalization;
using SweepCluster.Core.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class RandomSearcherTests
{
    private static string Spec(int trials = 300, long seed = 7) => $$"""
        search: { strategy: random, trials: {{trials}}, seed: {{seed}} }
        seeds: [1, 2]
        learning_rate: { schedule: inverse_time, initial: { loguniform: [1e-3, 1e-1] }, alpha: { uniform: [0, 0.1] }, beta: 0.5 }
        epochs: { int: [1, 3] }
        model: { hidden: { choice: [[64], [128, 64]] } }
        optimizer: [sgd, adam]
        weight_decay: { choice: [0, { schedule: cosine, initial: [1e-4, 1e-3] }] }
        """;

    private static TrialConfiguration[] All(SweepSpec sweep)
    {
        var searcher = SearcherFactory.Create(sweep);
        return Enumerable.Range(0, searcher.TotalTrials).Select(searcher.Suggest).ToArray();
    }

    [Fact]
    public void CountsAreTrialsTimesSeeds()
    {
        var sweep = Yaml(Spec());
        Assert.Equal((SearchStrategy.Random, 300, 7L, 300, 600), (sweep.Strategy, sweep.RandomTrials, sweep.SearchSeed, sweep.Combinations, sweep.TotalTrials));
        Assert.IsType<RandomSearcher>(SearcherFactory.Create(sweep));
        Assert.Equal(
            [
                new("learning_rate.initial", "loguniform [0.001, 0.1)", null), new("learning_rate.alpha", "uniform [0, 0.1)", null),
                new("epochs", "int [1, 3]", null), new("model.hidden", "choice", 2), new("optimizer", "list", 2),
                new("weight_decay", "choice", 3),
            ],
            sweep.Axes);
    }

    [Fact]
    public void SameSeedGivesTheSameTrialsAndADifferentSeedDifferentOnes()
    {
        var first = All(Yaml(Spec())).Select(t => TrialSpecWriter.ToYaml(t.Spec)).ToArray();
        var again = All(Yaml(Spec())).Select(t => TrialSpecWriter.ToYaml(t.Spec)).ToArray();
        var other = All(Yaml(Spec(seed: 8))).Select(t => TrialSpecWriter.ToYaml(t.Spec)).ToArray();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Zip(other).Count(pair => pair.First != pair.Second) > first.Length / 2);
    }

    [Fact]
    public void SeedsReplicateEachDrawnCombination()
    {
        var trials = All(Yaml(Spec()));
        foreach (var pair in trials.Chunk(2))
        {
            Assert.Equal((1L, 2L), (pair[0].Seed, pair[1].Seed));
            Assert.Equal(pair[0].Combination, pair[1].Combination);
            Assert.Equal(pair[0].Axes, pair[1].Axes);
            Assert.Equal(TrialSpecWriter.ToYaml(pair[0].Spec with { Seed = 0 }), TrialSpecWriter.ToYaml(pair[1].Spec with { Seed = 0 }));
        }
    }

    [Fact]
    public void SuggestIsRandomAccessAndMoreTrialsKeepTheEarlierOnes()
    {
        var small = new RandomSearcher(Yaml(Spec(trials: 10)));
        var large = new RandomSearcher(Yaml(Spec(trials: 300)));
        var backwards = Enumerable.Range(0, 20).Reverse().Select(small.Suggest).Reverse().ToArray();
        Assert.Equal(backwards.Select(t => TrialSpecWriter.ToYaml(t.Spec)), Enumerable.Range(0, 20).Select(i => TrialSpecWriter.ToYaml(large.Suggest(i).Spec)));
    }

    [Fact]
    public void DrawsStayInTheirRanges()
    {
        var trials = All(Yaml(Spec()));
        Assert.All(trials, t => Assert.InRange(t.Spec.LearningRate.Initial, 1e-3, Math.BitDecrement(1e-1)));
        Assert.All(trials, t => Assert.InRange(t.Spec.LearningRate.Alpha, 0, Math.BitDecrement(0.1)));
        Assert.Equal([1, 2, 3], trials.Select(t => t.Spec.Epochs).Distinct().Order());
        var logRates = trials.Select(t => Math.Log10(t.Spec.LearningRate.Initial)).ToArray();
        Assert.Contains(logRates, v => v < -2.5); // log-uniform: about a quarter below 10^-2.5
        Assert.Contains(logRates, v => v > -1.5);
    }

    [Fact]
    public void ChoicesAndPlainListsPickOnlyTheirItemsAndAllOfThem()
    {
        var trials = All(Yaml(Spec()));
        Assert.Equal(["[128, 64]", "[64]"], trials.Select(t => string.Join(", ", t.Axes.Single(a => a.Key == "model.hidden").Value)).Distinct().Order());
        Assert.Equal([OptimizerKind.Sgd, OptimizerKind.Adam], trials.Select(t => t.Spec.Optimizer.Type).Distinct().Order());
        Assert.Equal(
            ["constant(0)", "cosine(0.0001)", "cosine(0.001)"],
            trials.Select(t => t.Axes.Single(a => a.Key == "weight_decay").Value).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DistributionAxesShowTheDrawnValue()
    {
        var trial = new RandomSearcher(Yaml(Spec())).Suggest(0);
        var initial = trial.Axes.Single(a => a.Key == "learning_rate.initial").Value;
        Assert.Equal(trial.Spec.LearningRate.Initial, double.Parse(initial, CultureInfo.InvariantCulture), 5e-6 * trial.Spec.LearningRate.Initial);
        Assert.Equal(trial.Spec.Epochs.ToString(CultureInfo.InvariantCulture), trial.Axes.Single(a => a.Key == "epochs").Value);
    }

    [Fact]
    public void JsonRandomSweepsDrawTheSameAsYaml()
    {
        var json = SweepSpecLoader.Parse("""
            { "search": { "strategy": "random", "trials": 20, "seed": 3 },
              "learning_rate": { "loguniform": [0.001, 0.1] }, "epochs": { "int": [1, 5] }, "optimizer": ["sgd", "adam"] }
            """, SpecFormat.Json, "r.json");
        var yaml = Yaml("search: { strategy: random, trials: 20, seed: 3 }\nlearning_rate: { loguniform: [0.001, 0.1] }\nepochs: { int: [1, 5] }\noptimizer: [sgd, adam]\n");
        Assert.Equal(All(yaml).Select(t => TrialSpecWriter.ToYaml(t.Spec)), All(json).Select(t => TrialSpecWriter.ToYaml(t.Spec)));
    }

    [Fact]
    public void AGridSweepIsNotARandomOne()
    {
        Assert.Throws<ArgumentException>(() => new RandomSearcher(Yaml("epochs: [1, 2]")));
        Assert.Throws<ArgumentException>(() => new GridSearcher(Yaml(Spec(trials: 1))));
    }
}
