// Our TPE sampler replayed against the small table: it proposes only configurations of the grid, past its startup
// trials too, in both modes and with concurrent workers, and the same seed gives the same trials.
using SweepCluster.Tabular.Replay;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tabular.Tests;

public sealed class TpeTableSearcherTests
{
    /// <summary>Enough epochs for several times TPE's startup trials on the 3-epoch table.</summary>
    private const long Budget = 150;

    [Theory]
    [InlineData(TpeMode.Univariate, 1)]
    [InlineData(TpeMode.Multivariate, 1)]
    [InlineData(TpeMode.Univariate, 3)]
    public void It_proposes_only_configurations_of_the_grid(TpeMode mode, int workers)
    {
        var table = SmallTable.Table();
        var grid = SmallTable.Space.Enumerate().ToHashSet();

        var result = Replay(seed: 4, mode, workers);

        Assert.True(result.Trials.Count > 2 * TpeSettings.Default.StartupTrials);
        Assert.All(result.Trials, t => Assert.Contains(t.Configuration, grid));
        Assert.True(result.Curve[^1].Regret <= table.BestTrueFinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials_and_another_seed_other_ones()
    {
        var first = Configurations(Replay(seed: 7, TpeMode.Univariate, workers: 2));
        var again = Configurations(Replay(seed: 7, TpeMode.Univariate, workers: 2));
        var other = Configurations(Replay(seed: 8, TpeMode.Univariate, workers: 2));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void After_startup_it_favours_the_best_configurations()
    {
        var table = SmallTable.Table();
        var best = SmallTable.Space.Enumerate().MaxBy(table.TrueFinal)!;

        var result = Replay(seed: 1, TpeMode.Univariate, workers: 1);

        var startup = TpeSettings.Default.StartupTrials;
        var rateAfter = result.Trials.Skip(startup).Count(t => t.Configuration.Equals(best)) / (double)(result.Trials.Count - startup);
        Assert.True(rateAfter > 1.0 / SmallTable.Space.Enumerate().Count, $"the best configuration's share after startup was {rateAfter:0.00}");
    }

    private static ReplayResult Replay(int seed, TpeMode mode, int workers) =>
        TableReplay.Run(SmallTable.Table(), new TpeTableSearcher(seed, TpeSettings.Default with { Mode = mode }), new FifoTableScheduler(),
            new ReplayOptions(workers, Budget, Seed: seed));

    private static string[] Configurations(ReplayResult result) => result.Trials.Select(t => t.Configuration.ToString()).ToArray();
}
