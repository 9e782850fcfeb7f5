// A sweep of the user's own trainer: its command is one value, not an axis; its params are searched like any other
// value; it must say which reported metric ranks its trials.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Trainers;

public sealed class ExternalTrainerSweepSpecTests
{
    private const string Sweep = """
        name: mine
        metric: { name: val_accuracy, goal: maximize }
        seeds: [1, 2]
        trainer: { command: [python3, train.py, --quiet] }
        params: { width: [128, 256], dropout: 0.1 }
        learning_rate: [0.1, { schedule: cosine, initial: 0.1 }]
        epochs: 3
        """;

    [Fact]
    public void The_command_is_one_value_and_params_lists_are_axes()
    {
        var spec = Yaml(Sweep);
        Assert.Equal(4, spec.Combinations); // width × learning_rate; the command's three words are one value
        Assert.Equal(8, spec.TotalTrials);
    }

    [Fact]
    public void Without_a_metric_the_sweep_says_which_to_give()
    {
        var error = At(Errors(Sweep.Replace("metric: { name: val_accuracy, goal: maximize }\n", "", StringComparison.Ordinal)), "metric");
        Assert.Contains("needs metric: the reported metric that ranks its trials", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_random_search_draws_params_from_their_distributions()
    {
        var spec = Yaml("""
            name: drawn
            search: { strategy: random, trials: 4, seed: 3 }
            metric: val_loss
            trainer: { command: [./train] }
            params: { dropout: { uniform: [0, 0.5] }, width: { int: [16, 64] } }
            epochs: 2
            """);
        Assert.Equal(4, spec.TotalTrials);
        Assert.Equal(SearchStrategy.Random, spec.Strategy);
    }
}
