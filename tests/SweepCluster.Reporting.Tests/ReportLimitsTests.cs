// The report's limits: a large sweep's ranking keeps its top rows, an axis with many values its best ones and a family
// with many trials evenly spaced quantiles for its plot, while the header, the statistics, the best trial, the curves
// and the failures stay over every trial. Small limits on the shared fixtures stand in for a 100,000-trial sweep.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportLimitsTests
{
    private static readonly ReportLimits Small = ReportFixtures.SmallLimits;

    [Fact]
    public void TheRankingKeepsItsTopRowsAndCountsEveryCombination()
    {
        var whole = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var cut = SweepReportBuilder.Build(SyntheticSweep.Realistic(), Small);

        Assert.Equal(9, whole.Ranking.Count);
        Assert.Equal(whole.Ranking.Take(3).Select(Row), cut.Ranking.Select(Row));
        Assert.Equal(9, cut.TotalCombinations);
        Assert.True(cut.IsRankingCut);
        Assert.Null(whole.TotalCombinations);
        Assert.False(whole.IsRankingCut);
    }

    [Fact]
    public void EverythingButTheListsIsOverEveryTrial()
    {
        var whole = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var cut = SweepReportBuilder.Build(SyntheticSweep.Realistic(), Small);

        Assert.Equal(whole.Header, cut.Header with { StatusCounts = whole.Header.StatusCounts });
        Assert.Equal(whole.Header.StatusCounts, cut.Header.StatusCounts);
        Assert.Same(cut.TopCurves[0], cut.TopCombination);
        Assert.Equal(whole.TopCombination!.Index, cut.TopCombination!.Index);
        Assert.Equal(whole.TopCurves.Select(c => c.Index), cut.TopCurves.Select(c => c.Index)); // five curves from a ranking cut to three
        Assert.Equal(whole.Failures.Select(f => (f.Index, f.Status, f.Error)), cut.Failures.Select(f => (f.Index, f.Status, f.Error)));
        Assert.Equal(whole.Families.Select(f => (f.Target, f.Family, f.Trials, f.Metric, f.Completed)),
            cut.Families.Select(f => (f.Target, f.Family, f.Trials, f.Metric, f.Completed)));
        Assert.Equal(whole.Axes[1].Values, cut.Axes[1].Values); // batch size: two values, within the limit
        Assert.Null(cut.Axes[1].TotalValues);
    }

    [Fact]
    public void ARankingAtTheLimitIsWhole()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic(), new ReportLimits(RankingRows: 9, Small.AxisValues, Small.PlottedValues));

        Assert.Equal(9, report.Ranking.Count);
        Assert.Null(report.TotalCombinations);
    }

    [Fact]
    public void AnAxisWithMoreValuesListsThoseWithTheBestMeanBestFirst()
    {
        var whole = SweepReportBuilder.Build(SyntheticSweep.Realistic()).Axes[0];
        var cut = SweepReportBuilder.Build(SyntheticSweep.Realistic(), Small).Axes[0];

        Assert.Equal(5, whole.Values.Count);
        Assert.Null(whole.TotalValues);
        Assert.Equal(5, cut.TotalValues);
        Assert.True(cut.IsCut);
        Assert.Equal(whole.Values.Where(v => v.Mean is not null).OrderByDescending(v => v.Mean).Take(2), cut.Values); // val_accuracy: larger is better
        Assert.Equal("cosine(0.2 → 0)", cut.Values[0].Value);
    }

    [Fact]
    public void AMinimizedAxisListsTheSmallestMeansFirstAndValuesWithoutOneLast()
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultRegression)
            .Combination([("learning_rate", "diverged")], new TrialSpec(), SeedOutcome.Diverged())
            .Completed("0.3", 0.3).Completed("0.1", 0.1).Completed("0.2", 0.2);

        var axis = SweepReportBuilder.Build(sweep.Build(), new ReportLimits(Small.RankingRows, AxisValues: 3, Small.PlottedValues)).Axes.Single();

        Assert.Equal(["0.1", "0.2", "0.3"], axis.Values.Select(v => v.Value));
        Assert.Equal(4, axis.TotalValues);
        var all = SweepReportBuilder.Build(sweep.Build(), new ReportLimits(Small.RankingRows, AxisValues: 4, Small.PlottedValues)).Axes.Single();
        Assert.Equal(["diverged", "0.3", "0.1", "0.2"], all.Values.Select(v => v.Value)); // whole: first-appearance order
    }

    [Fact]
    public void AFamilyWithMoreTrialsPlotsEvenlySpacedQuantilesAndKeepsItsStatistics()
    {
        var whole = SweepReportBuilder.Build(SyntheticSweep.Realistic()).Families;
        var cut = SweepReportBuilder.Build(SyntheticSweep.Realistic(), Small).Families;

        var weightDecay = cut.Single(f => f.Target == ScheduleTarget.WeightDecay);
        var sorted = whole.Single(f => f.Target == ScheduleTarget.WeightDecay).Values.Order().ToArray();
        Assert.Equal(19, sorted.Length);
        Assert.Equal(19, weightDecay.Completed);
        Assert.Equal(whole.Single(f => f.Target == ScheduleTarget.WeightDecay).Metric, weightDecay.Metric);
        Assert.Equal([sorted[0], sorted[3], sorted[6], sorted[9], sorted[12], sorted[15], sorted[18]], weightDecay.Values); // ranks k·18/6
        var constant = cut.Single(f => f is { Target: ScheduleTarget.LearningRate, Family: "constant" });
        Assert.Equal(whole.Single(f => f is { Target: ScheduleTarget.LearningRate, Family: "constant" }).Values, constant.Values); // 7: at the limit
    }

    private static (int Rank, int Combination, MetricStatistics? Metric, int Trials) Row(RankingRow row) =>
        (row.Rank, row.Combination, row.Metric, row.Trials);

    [Fact]
    public void LimitsAreAtLeastOneRowAndTwoPlottedValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportLimits(0, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportLimits(1, 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportLimits(1, 1, 1));
        Assert.Equal(new ReportLimits(100, 100, 1000), ReportLimits.Default);
    }
}
