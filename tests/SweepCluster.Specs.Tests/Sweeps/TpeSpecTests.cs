// The `strategy: tpe` keys of a sweep spec: their defaults and values, and every mistake reported at its field and
// line with what would be valid.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class TpeSpecTests
{
    [Fact]
    public void ATpeSearchHasItsTrialsSeedAndDefaults()
    {
        var spec = Yaml("""
            search: { strategy: tpe, trials: 30, seed: 4 }
            learning_rate: { loguniform: [0.001, 0.5] }
            epochs: 3
            """);
        Assert.Equal(SearchStrategy.Tpe, spec.Strategy);
        Assert.Equal(30, spec.Combinations);
        Assert.Equal(4, spec.SearchSeed);
        Assert.Equal(TpeSearchSettings.Default, spec.Tpe);
    }

    [Fact]
    public void EveryTpeKeyIsRead()
    {
        var spec = Yaml("""
            search: { strategy: tpe, trials: 30, startup_trials: 5, multivariate: false, constant_liar: false, window: 8 }
            learning_rate: { loguniform: [0.001, 0.5] }
            """);
        Assert.Equal(new TpeSearchSettings(StartupTrials: 5, Multivariate: false, ConstantLiar: false, Window: 8), spec.Tpe);
    }

    [Fact]
    public void OtherStrategiesHaveNoTpeSettings()
    {
        Assert.Null(Yaml("search: { strategy: random, trials: 3 }\nlearning_rate: { uniform: [0.01, 0.1] }\n").Tpe);
        Assert.Null(Yaml("learning_rate: [0.1, 0.01]\n").Tpe);
    }

    [Fact]
    public void TpeMistakesNameTheFieldTheLineAndWhatIsValid()
    {
        var errors = Errors("""
            search: { strategy: tpe, trials: 20, startup_trials: -1, window: 0, multivariate: maybe }
            learning_rate: { loguniform: [0.001, 0.5] }
            """);
        Assert.Contains("must be >= 0", At(errors, "search.startup_trials").Message);
        Assert.Contains("must be >= 1", At(errors, "search.window").Message);
        Assert.Equal(1, At(errors, "search.window").Line);
        Assert.Contains("true or false", At(errors, "search.multivariate").Message);

        Assert.Contains("tpe search needs trials: N (how many combinations to suggest)", At(Errors("search: tpe\n"), "search").Message);
        Assert.Contains("tpe search needs trials: N", At(Errors("search: { strategy: tpe }\n"), "search").Message);
    }

    [Fact]
    public void TpeKeysWithAnotherStrategyAreRefused()
    {
        var errors = Errors("""
            search: { strategy: random, trials: 5, window: 2 }
            learning_rate: { loguniform: [0.001, 0.5] }
            """);
        Assert.Contains("'window' applies only to strategy: tpe; this sweep uses random search", At(errors, "search.window").Message);
    }

    [Fact]
    public void PbtAndSearchedEpochsCannotBeUsedWithTpe()
    {
        var pbt = Errors("""
            search: { strategy: tpe, trials: 8 }
            learning_rate: { loguniform: [0.001, 0.5] }
            epochs: 4
            scheduler: { type: pbt, interval: 2 }
            """);
        Assert.Contains("PBT cannot be combined with strategy: tpe", At(pbt, "scheduler").Message);
        Assert.Equal(4, At(pbt, "scheduler").Line);

        var epochs = Errors("""
            search: { strategy: tpe, trials: 8 }
            learning_rate: { loguniform: [0.001, 0.5] }
            epochs: { choice: [3, 9] }
            """);
        var error = Assert.Single(epochs, e => e.Message.Contains("epochs cannot be searched"));
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void TpeTakesDistributionsAndListsAsChoicesLikeRandomSearch()
    {
        var spec = Yaml("""
            search: { strategy: tpe, trials: 12 }
            learning_rate:
              choice:
                - { loguniform: [0.001, 0.5] }
                - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
            batch_size: [16, 64]
            """);
        Assert.Contains(spec.Dimensions, d => d.Key.EndsWith("gamma", StringComparison.Ordinal));
        Assert.Contains(spec.Dimensions, d => d.FieldPath == "batch_size" && d.IsCategorical);
    }
}
