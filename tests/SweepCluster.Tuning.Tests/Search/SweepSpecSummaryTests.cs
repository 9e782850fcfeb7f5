using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class SweepSpecSummaryTests
{
    [Fact]
    public void SummarisesCountsAxesAndTheFirstCombinations()
    {
        var summary = SweepSpecSummary.Describe(Yaml(ExampleYaml), combinationsShown: 3);
        Assert.Equal((32, 64, 2), (summary.Combinations, summary.TotalTrials, summary.Seeds.Count));
        Assert.Equal([0, 1, 2], summary.FirstCombinations.Select(t => t.Combination));
        Assert.All(summary.FirstCombinations, t => Assert.Equal(1L, t.Seed));
        var text = summary.ToText();
        Assert.Contains("sweep digits-schedules: grid search, 32 combinations × 2 seeds [1, 2] = 64 trials", text);
        Assert.Contains("metric: val_accuracy (maximize)", text);
        Assert.Contains("  learning_rate: list, 4 values", text);
        Assert.Contains("  #2  model.hidden=[64, 32]  learning_rate=constant(0.1)  weight_decay=polynomial(0.001, β=1)  batch_size=constant(32)", text);
    }

    [Fact]
    public void ShowsNoMoreCombinationsThanThereAre()
    {
        var summary = SweepSpecSummary.Describe(Yaml("epochs: [1, 2]\n"));
        Assert.Equal(2, summary.FirstCombinations.Count);
        Assert.Contains("epochs: list, 2 values", summary.ToText());
    }
}
