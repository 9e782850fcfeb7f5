// The range each metric kind lies in, and intervals and chart axes clipped to it.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Svg;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class MetricRangeTests
{
    [Theory]
    [InlineData(MetricName.ValAccuracy, 0.0, 1.0)]
    [InlineData(MetricName.ValLoss, 0.0, null)]
    [InlineData(MetricName.TrainLoss, 0.0, null)]
    [InlineData(MetricName.ValRmse, 0.0, null)]
    [InlineData(MetricName.ValR2, null, 1.0)]
    public void TheRangeComesFromTheMetricKind(MetricName metric, double? min, double? max) =>
        Assert.Equal(new MetricRange(min, max), MetricRange.Of(metric));

    [Fact]
    public void EveryMetricHasARange() =>
        Assert.All(Enum.GetValues<MetricName>(), metric => Assert.NotNull(MetricRange.Of(metric)));

    [Fact]
    public void TwoSeedsOfAccuracyGiveAnIntervalInsideZeroToOne()
    {
        // mean 0.7, s = 0.2828, half-width 12.706 · 0.2828 / √2 = 2.54: unclipped [−1.84, 3.24]
        var stats = MetricStatistics.Of([0.5, 0.9], MetricRange.Of(MetricName.ValAccuracy))!;

        Assert.Equal(0.7, stats.Mean, 1e-12);
        Assert.Equal((0.0, 1.0), (stats.CiLow!.Value, stats.CiHigh!.Value));
    }

    [Fact]
    public void ALossIntervalStopsAtZeroButNotAbove()
    {
        var stats = MetricStatistics.Of([0.1, 0.5], MetricRange.Of(MetricName.ValLoss))!;

        Assert.Equal(0.0, stats.CiLow);
        Assert.Equal(0.3 + 12.706205 * Math.Sqrt(0.08) / Math.Sqrt(2), stats.CiHigh!.Value, 1e-5);
    }

    [Fact]
    public void ANarrowIntervalIsNotChanged()
    {
        var unclipped = MetricStatistics.Of([0.90, 0.92, 0.94])!;
        Assert.Equal(unclipped, MetricStatistics.Of([0.90, 0.92, 0.94], MetricRange.Fraction));
    }

    [Fact]
    public void AnAccuracyAxisEndsAtOne()
    {
        var ticks = NiceTicks.Within(NiceTicks.For(0.95, 1.0), MetricRange.Fraction);
        Assert.Equal(1.0, ticks.Max);
        Assert.Equal(1.0, ticks.Values[^1]);

        var flat = NiceTicks.Within(NiceTicks.For(1.0, 1.0), MetricRange.Fraction); // all seeds at 1.0: padded to [0.9, 1.1] before
        Assert.Equal((0.9, 1.0), (flat.Min, flat.Max));
        Assert.All(flat.Values, v => Assert.InRange(v, 0.9, 1.0));
    }

    [Fact]
    public void TheFamilyChartOfAccuracyStopsAtOneWhereMeanPlusStdGoesPastIt()
    {
        // mean 0.9733, std 0.0379: mean + std = 1.011, which put the axis' top tick at 1.02 before
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification).Completed("a", 0.99, 1.0, 0.93).Build());
        var family = report.Families.First();
        var unclipped = new DotPlot("t", "y", [new DotGroup("g", [new DotCategory("c", family.Values, family.Metric!.Mean, family.Metric.StdDev)])], "dots");

        Assert.True(YTicks(unclipped.ToSvg()).Max() > 1.0);
        Assert.Equal(1.0, YTicks(Html.ReportCharts.Families(report)!.ToSvg()).Max());
    }

    /// <summary>The y axis' tick labels (right-aligned texts left of the plot).</summary>
    private static double[] YTicks(string svg) =>
        System.Text.RegularExpressions.Regex.Matches(svg, "text-anchor=\"end\">([-0-9.]+)<")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
