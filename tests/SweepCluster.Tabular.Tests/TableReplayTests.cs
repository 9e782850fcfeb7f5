// The simulated-time replay loop with the first searchers (random, grid) and scheduler (successive halving).
using SweepCluster.Tabular.Replay;

namespace SweepCluster.Tabular.Tests;

public sealed class TableReplayTests
{
    private const int WholeGrid = 9;

    [Fact]
    public void The_grid_tries_every_configuration_once_and_is_judged_by_its_best_observed_trial()
    {
        var table = SmallTable.Table();

        var result = TableReplay.Run(table, new GridTableSearcher(seed: 3), new FifoTableScheduler(), new ReplayOptions(1, long.MaxValue, Seed: 3));

        Assert.Equal(WholeGrid, result.Trials.Count);
        Assert.Equal(WholeGrid, result.Trials.Select(t => t.Configuration).Distinct().Count());
        var incumbent = result.Trials.OrderByDescending(t => t.Last).ThenBy(t => t.Number).First();
        Assert.Equal(table.BestTrueFinal - table.TrueFinal(incumbent.Configuration), result.Curve[^1].Regret, 12);
    }

    [Fact]
    public void The_budget_caps_the_epochs_spent_and_regret_is_read_at_marks()
    {
        var table = SmallTable.Table();

        var result = TableReplay.Run(table, new RandomTableSearcher(seed: 1), new FifoTableScheduler(), new ReplayOptions(1, 7, Seed: 1));

        Assert.True(result.Curve[^1].EpochsSpent <= 7);
        Assert.Equal(table.BestTrueFinal, result.RegretAfterTrials(0));
        Assert.Equal(result.RegretAfterTrials(2), result.RegretAfterEpochs(6));
    }

    [Fact]
    public void Successive_halving_stops_trials_only_at_rungs()
    {
        var table = SmallTable.Table();

        var result = TableReplay.Run(table, new RandomTableSearcher(seed: 2), new SuccessiveHalvingTableScheduler(1, 3), new ReplayOptions(1, 200, Seed: 2));

        var pruned = result.Trials.Where(t => t.Status == ReplayTrialStatus.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t => Assert.Equal(1, t.Epochs));
        Assert.Contains(result.Trials, t => t.Status == ReplayTrialStatus.Completed);
    }

    [Fact]
    public void Workers_train_side_by_side_in_simulated_time()
    {
        var table = SmallTable.Table();
        var options = new ReplayOptions(1, long.MaxValue, Seed: 5);

        var alone = TableReplay.Run(table, new GridTableSearcher(5), new FifoTableScheduler(), options);
        var pair = TableReplay.Run(table, new GridTableSearcher(5), new FifoTableScheduler(), options with { Workers = 2 });

        Assert.Equal(alone.Trials.Sum(t => t.Epochs), pair.Trials.Sum(t => t.Epochs));
        Assert.True(pair.Curve[^1].Time < alone.Curve[^1].Time);
        Assert.True(pair.Trials.Count(t => t.Started == 0) == 2);
    }

    [Fact]
    public void A_diverged_trial_ends_at_its_divergence()
    {
        var table = SmallTable.Table();

        var result = TableReplay.Run(table, new GridTableSearcher(0), new FifoTableScheduler(), new ReplayOptions(1, long.MaxValue, Seed: 0));

        Assert.All(result.Trials.Where(t => t.Status == ReplayTrialStatus.Diverged), t =>
        {
            Assert.Equal(SmallTable.Diverging, t.Configuration);
            Assert.Equal(2, t.Seed);
            Assert.Equal([t.Observed[0], 0.0], t.Observed);
        });
    }
}
