// The range each metric kind lies in, and intervals clipped to it.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
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
}
