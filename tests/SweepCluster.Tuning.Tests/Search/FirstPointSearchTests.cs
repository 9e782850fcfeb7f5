// The spec's first points (search.first) are a search's first combinations, as given: random search draws the rest
// as it would have, and TPE counts them as startup points and learns from their results like any other.
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using SweepCluster.Tuning.Search.Tpe;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class FirstPointSearchTests
{
    private static string Spec(string strategy, bool first = true) => $$"""
        search:
          strategy: {{strategy}}
          trials: 6
          seed: 3
        {{(first ? "  first:\n    - { learning_rate: { schedule: exponential, initial: 0.1, gamma: 0.9 }, batch_size: 32 }\n    - { learning_rate: 0.02, batch_size: 64 }" : "")}}
        learning_rate:
          choice:
            - { loguniform: [0.001, 0.5] }
            - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
        batch_size: { choice: [16, 32, 64] }
        epochs: 3
        """;

    [Theory]
    [InlineData("random")]
    [InlineData("tpe")]
    public void TheFirstCombinationsAreThePointsAsGiven(string strategy)
    {
        var searcher = SearcherFactory.Create(Yaml(Spec(strategy)));
        var exponential = searcher.Suggest(0).Spec;
        Assert.Equal(0.1, exponential.LearningRate.Initial);
        Assert.Equal(32, exponential.BatchSize.Initial);
        var constant = searcher.Suggest(1).Spec;
        Assert.Equal(0.02, constant.LearningRate.Initial);
        Assert.Equal(64, constant.BatchSize.Initial);
    }

    [Fact]
    public void RandomSearchDrawsTheOtherCombinationsAsWithoutThePoints()
    {
        var with = SearcherFactory.Create(Yaml(Spec("random")));
        var without = SearcherFactory.Create(Yaml(Spec("random", first: false)));
        for (var index = 2; index < 6; index++)
            Assert.Equal(without.Suggest(index).Axes, with.Suggest(index).Axes);
    }

    [Fact]
    public void TpeSuggestsThePointsWhateverItHasSeenAndMarksThemStartup()
    {
        var searcher = (TpeSearcher)SearcherFactory.Create(Yaml(Spec("tpe")));
        var sweep = Yaml(Spec("tpe"));
        var suggestion = searcher.Suggest(1, [], [TpeObservation.Pending(0, sweep.FirstPoints[0])]);
        Assert.True(suggestion.Startup);
        Assert.Equal(sweep.FirstPoints[1], suggestion.Values);
        Assert.Equal(0.02, suggestion.Trial.Spec.LearningRate.Initial);
    }
}
