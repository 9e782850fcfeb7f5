// The `strategy: nsga2` keys of a sweep spec: their defaults and values, the objectives it requires, and every
// mistake reported at its field and line with what would be valid.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class NsgaIISpecTests
{
    private const string Objectives = "objectives: [val_accuracy, steps]\n";
    private const string Space = "learning_rate: { loguniform: [0.001, 0.5] }\nbatch_size: [16, 64]\nepochs: 3\n";

    [Fact]
    public void AnNsgaIISearchHasItsTrialsSeedAndOptunasDefaults()
    {
        var spec = Yaml("search: { strategy: nsga2, trials: 30, seed: 4 }\n" + Objectives + Space);
        Assert.Equal(SearchStrategy.Nsga2, spec.Strategy);
        Assert.Equal(30, spec.Combinations);
        Assert.Equal(4, spec.SearchSeed);
        Assert.Equal(NsgaIISearchSettings.Default, spec.NsgaII);
        Assert.Equal(new NsgaIISearchSettings(50, 0.9, null, 0.5), spec.NsgaII);
        Assert.Null(spec.Tpe);
    }

    [Fact]
    public void EveryNsgaIIKeyIsRead()
    {
        var spec = Yaml("search: { strategy: nsga2, trials: 16, population_size: 8, crossover_prob: 0.5, mutation_prob: 0.25, swapping_prob: 0.3 }\n" + Objectives + Space);
        Assert.Equal(new NsgaIISearchSettings(PopulationSize: 8, CrossoverProbability: 0.5, MutationProbability: 0.25, SwappingProbability: 0.3), spec.NsgaII);
        var nullMutation = Yaml("search: { strategy: nsga2, trials: 16, mutation_prob: null }\n" + Objectives + Space);
        Assert.Null(nullMutation.NsgaII!.MutationProbability);
    }

    [Fact]
    public void OtherStrategiesHaveNoNsgaIISettings()
    {
        Assert.Null(Yaml("search: { strategy: random, trials: 3 }\nlearning_rate: { uniform: [0.01, 0.1] }\n").NsgaII);
        Assert.Null(Yaml("search: { strategy: tpe, trials: 3 }\nlearning_rate: { uniform: [0.01, 0.1] }\n").NsgaII);
    }

    [Fact]
    public void NsgaIIMistakesNameTheFieldTheLineAndWhatIsValid()
    {
        var errors = Errors("search: { strategy: nsga2, trials: 20, population_size: 1, crossover_prob: 1.5, mutation_prob: -0.1, swapping_prob: 2 }\n" + Objectives + Space);
        Assert.Contains("must be >= 2", At(errors, "search.population_size").Message);
        Assert.Equal(1, At(errors, "search.population_size").Line);
        Assert.Contains("must be a probability in [0, 1]", At(errors, "search.crossover_prob").Message);
        Assert.Contains("must be a probability in [0, 1]", At(errors, "search.mutation_prob").Message);
        Assert.Contains("must be a probability in [0, 1]", At(errors, "search.swapping_prob").Message);

        Assert.Contains("nsga2 search needs trials: N (how many combinations to suggest)", At(Errors("search: { strategy: nsga2 }\n" + Objectives + Space), "search").Message);
    }

    [Fact]
    public void NsgaIIKeysWithAnotherStrategyAreRefused()
    {
        var errors = Errors("search: { strategy: tpe, trials: 5, population_size: 4 }\n" + Space);
        Assert.Contains("'population_size' applies only to strategy: nsga2; this sweep uses tpe search", At(errors, "search.population_size").Message);
        var tpeKey = Errors("search: { strategy: nsga2, trials: 5, window: 2 }\n" + Objectives + Space);
        Assert.Contains("'window' applies only to strategy: tpe; this sweep uses nsga2 search", At(tpeKey, "search.window").Message);
    }

    [Fact]
    public void NsgaIIWithoutObjectivesIsRefusedAtTheStrategy()
    {
        var errors = Errors("name: x\nsearch:\n  strategy: nsga2\n  trials: 8\n" + Space);
        var error = At(errors, "search.strategy");
        Assert.Contains("add objectives: with two or more metrics", error.Message);
        Assert.Contains("strategy: tpe or random", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void RandomAndTpeTakeObjectives()
    {
        Assert.True(Yaml("search: { strategy: tpe, trials: 8 }\n" + Objectives + Space).IsMultiObjective);
        Assert.True(Yaml("search: { strategy: random, trials: 8 }\n" + Objectives + Space).IsMultiObjective);
    }

    [Fact]
    public void PbtSearchedEpochsAndFirstPointsCannotBeUsedWithNsgaII()
    {
        var pbt = Errors("search: { strategy: nsga2, trials: 8 }\n" + Objectives + Space + "scheduler: { type: pbt, interval: 2 }\n");
        Assert.Contains("PBT cannot be combined with strategy: nsga2", At(pbt, "scheduler").Message);

        var epochs = Errors("search: { strategy: nsga2, trials: 8 }\n" + Objectives + "learning_rate: { loguniform: [0.001, 0.5] }\nepochs: { choice: [3, 9] }\n");
        Assert.Single(epochs, e => e.Message.Contains("epochs cannot be searched with strategy: nsga2"));

        var first = Errors("search: { strategy: nsga2, trials: 8, first: [{ learning_rate: 0.01, batch_size: 16 }] }\n" + Objectives + Space);
        Assert.Contains("'first' applies only to strategy: random or tpe", At(first, "search.first").Message);
    }
}
