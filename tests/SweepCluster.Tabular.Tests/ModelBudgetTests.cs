// Falkner et al.'s BOHB model budget on the small table: the largest rung budget with at least the minimum number of
// results is chosen, each trial observed by its metric at that epoch (not its last one); none when no budget has enough.
using SweepCluster.Tabular.Replay;

namespace SweepCluster.Tabular.Tests;

public sealed class ModelBudgetTests
{
    private const int MinEpochs = 1;
    private const int ReductionFactor = 3;
    /// <summary>Enough epochs for a few dozen trials, most stopped at the first rung.</summary>
    private const long Budget = 60;

    [Fact]
    public void It_fits_at_the_largest_budget_with_enough_results_taking_each_trials_metric_at_that_epoch()
    {
        var table = SmallTable.Table();
        var rungs = ModelBudget.Rungs(MinEpochs, ReductionFactor, SmallTable.Epochs);
        var trials = TableReplay.Run(table, new RandomTableSearcher(3), new SuccessiveHalvingTableScheduler(MinEpochs, ReductionFactor),
            new ReplayOptions(1, Budget, Seed: 3)).Trials;
        var atTop = trials.Count(t => t.Epochs >= SmallTable.Epochs);
        var atFirst = trials.Count(t => t.Epochs >= MinEpochs);
        Assert.Equal([1, 3], rungs);
        Assert.InRange(atTop, 1, atFirst - 1);

        var top = ModelBudget.Choose(trials, rungs, atTop)!;
        var first = ModelBudget.Choose(trials, rungs, atTop + 1)!;

        Assert.Equal(SmallTable.Epochs, top.Budget);
        Assert.Equal(atTop, top.Results.Count);
        Assert.Equal(MinEpochs, first.Budget);
        Assert.Equal(atFirst, first.Results.Count);
        Assert.All(first.Results, r => Assert.Equal(table.Curve(r.Trial.Configuration, r.Trial.Seed).Metric[MinEpochs - 1], r.Metric));
        Assert.Contains(first.Results, r => r.Trial.Epochs > MinEpochs && r.Metric != r.Trial.Last);
        Assert.Null(ModelBudget.Choose(trials, rungs, atFirst + 1));
    }
}
