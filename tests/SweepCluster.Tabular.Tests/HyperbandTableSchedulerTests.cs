// Asynchronous Hyperband: Optuna's brackets and trial budgets, its CRC-32 bracket assignment, each bracket's rungs,
// and BOHB (our TPE with it) replayed end to end on the small table.
using SweepCluster.Tabular.Replay;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tabular.Tests;

public sealed class HyperbandTableSchedulerTests
{
    private const int MinEpochs = 1;
    private const int MaxEpochs = 27;
    private const int ReductionFactor = 3;

    [Fact]
    public void Crc32_is_the_standard_checksum()
    {
        Assert.Equal(0xCBF43926u, Crc32.Of("123456789"));
    }

    [Fact]
    public void Brackets_budgets_and_rungs_are_optunas_for_1_to_27_epochs()
    {
        var hyperband = new HyperbandTableScheduler("study", MinEpochs, MaxEpochs, ReductionFactor);

        Assert.Equal(4, hyperband.Brackets);
        Assert.Equal([27, 12, 6, 4], hyperband.TrialBudgets);
        Assert.Equal([1, 3, 9], hyperband.Rungs(0));
        Assert.Equal([3, 9], hyperband.Rungs(1));
        Assert.Equal([9], hyperband.Rungs(2));
        Assert.Empty(hyperband.Rungs(3));
    }

    [Fact]
    public void Trials_join_brackets_as_optunas_hyperband_pruner_assigns_them()
    {
        // binascii.crc32(f"tpe+hyperband-0_{n}".encode()) % 49, walked through the budgets 27, 12, 6, 4 (Optuna 3.1).
        int[] optuna = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2];
        var hyperband = new HyperbandTableScheduler("tpe+hyperband-0", MinEpochs, MaxEpochs, ReductionFactor);

        Assert.Equal(optuna, Enumerable.Range(0, optuna.Length).Select(hyperband.BracketOf));
    }

    [Fact]
    public void Brackets_get_trials_in_proportion_to_their_budgets()
    {
        const int trials = 49_000;
        const double tolerance = 0.05;
        var hyperband = new HyperbandTableScheduler("study", MinEpochs, MaxEpochs, ReductionFactor);

        var counts = Enumerable.Range(0, trials).GroupBy(hyperband.BracketOf).ToDictionary(g => g.Key, g => g.Count());

        for (var bracket = 0; bracket < hyperband.Brackets; bracket++)
        {
            var expected = trials * hyperband.TrialBudgets[bracket] / (double)hyperband.TrialBudgets.Sum();
            Assert.InRange(counts[bracket], expected * (1 - tolerance), expected * (1 + tolerance));
        }
    }

    [Fact]
    public void Each_bracket_stops_trials_only_at_its_own_rungs()
    {
        // The small table's 3 epochs: bracket 0 has the rung 1, bracket 1 none.
        var table = SmallTable.Table();
        var hyperband = new HyperbandTableScheduler("small", MinEpochs, SmallTable.Epochs, ReductionFactor);

        var result = TableReplay.Run(table, new RandomTableSearcher(seed: 2), hyperband, new ReplayOptions(1, 300, Seed: 2));

        Assert.Equal(2, hyperband.Brackets);
        var pruned = result.Trials.Where(t => t.Status == ReplayTrialStatus.Pruned).ToArray();
        Assert.NotEmpty(pruned);
        Assert.All(pruned, t =>
        {
            Assert.Equal(0, hyperband.BracketOf(t.Number));
            Assert.Equal(1, t.Epochs);
        });
        Assert.Contains(result.Trials, t => hyperband.BracketOf(t.Number) == 1);
    }

    [Fact]
    public void Bohb_replays_end_to_end_and_learns_from_pruned_trials()
    {
        var table = SmallTable.Table();

        var result = Bohb(seed: 3);

        Assert.True(result.Trials.Count > TpeSettings.Default.StartupTrials);
        Assert.Contains(result.Trials, t => t.Status == ReplayTrialStatus.Pruned);
        Assert.Contains(result.Trials, t => t.Status == ReplayTrialStatus.Completed);
        Assert.InRange(result.Curve[^1].Regret, 0, table.BestTrueFinal);
        Assert.Equal(result.Trials.Select(t => t.Configuration), Bohb(seed: 3).Trials.Select(t => t.Configuration));
    }

    private static ReplayResult Bohb(int seed)
    {
        var (searcher, scheduler) = ReplayMethods.Create(ReplayMethod.Bohb, seed, SmallTable.Epochs);
        return TableReplay.Run(SmallTable.Table(), searcher, scheduler, new ReplayOptions(2, 200, Seed: seed));
    }
}
