// The two kinds of "best": the best trial (one lucky seed) and the top combination (best mean over seeds), and how
// every format names them.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Markdown;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class BestTrialTests
{
    /// <summary>"steady" has the best mean; "lucky" has the single best seed (trial 3) and ranks second.</summary>
    private static SweepReport LuckySeed() => SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
        .Completed("steady", 0.90, 0.90, 0.91)
        .Completed("lucky", 0.95, 0.60)
        .Build());

    [Fact]
    public void TheBestTrialIsTheSingleBestSeedAndTheTopCombinationTheBestMean()
    {
        var report = LuckySeed();

        Assert.Equal(new BestTrial(3, 1, report.BestTrial!.Seed, 0.95, 2, [new AxisValue("learning_rate", "lucky")]), report.BestTrial,
            new BestTrialComparer());
        Assert.Equal(0, report.TopCombination!.Combination);
        Assert.Equal(0.91, report.TopCombination.Metric, 1e-12);
    }

    [Fact]
    public void NoCompletedTrialMeansNeither()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification).Build());
        Assert.Null(report.BestTrial);
        Assert.Null(report.TopCombination);
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void EveryFormatNamesBothTheSameWay(ReportFormat format)
    {
        var text = ReportRenderers.Render(LuckySeed(), format);

        const string bestTrial = "trial 3 (combination 1 ranked 2, seed ";
        Assert.Contains(format == ReportFormat.Markdown ? MarkdownText.Escape(bestTrial) : bestTrial, text);
        Assert.Contains("Best trial", text);
        Assert.Contains("Top combination (best mean over seeds)", text);
    }

    [Fact]
    public void TheJsonNamesThemBestTrialAndTopCombination()
    {
        var json = SweepReportJson.Serialize(LuckySeed());

        Assert.Contains("\"best_trial\":{\"index\":3,", json);
        Assert.Contains("\"top_combination\":{\"rank\":1,", json);
        Assert.Contains("\"versus_top\":\"top\"", json);
        Assert.Contains("\"compute_seconds\":", json);
        Assert.Contains("\"elapsed_seconds\":2520", json);
    }

    private sealed class BestTrialComparer : IEqualityComparer<BestTrial>
    {
        public bool Equals(BestTrial? x, BestTrial? y) =>
            x is not null && y is not null && (x.Index, x.Combination, x.Seed, x.Metric, x.Rank) == (y.Index, y.Combination, y.Seed, y.Metric, y.Rank)
            && x.Axes.SequenceEqual(y.Axes);

        public int GetHashCode(BestTrial obj) => obj.Index;
    }
}
