// Mean, sample standard deviation and 95% interval against hand-computed numbers.

using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Tests;

public sealed class MetricStatisticsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void ThreeSeeds()
    {
        // mean 0.92; s = sqrt((0.02² + 0 + 0.02²) / 2) = 0.02; half-width = 4.302653 · 0.02 / √3 = 0.0496828
        var stats = MetricStatistics.Of([0.90, 0.92, 0.94])!;
        Assert.Equal(3, stats.Count);
        Assert.Equal(0.92, stats.Mean, Tolerance);
        Assert.Equal(0.02, stats.StdDev!.Value, Tolerance);
        var halfWidth = 4.302653 * 0.02 / Math.Sqrt(3);
        Assert.Equal(0.92 - halfWidth, stats.CiLow!.Value, 1e-7);
        Assert.Equal(0.92 + halfWidth, stats.CiHigh!.Value, 1e-7);
        Assert.Equal(0.04968, stats.CiHalfWidth!.Value, 1e-5);
    }

    [Fact]
    public void OneSeedHasNoSpreadAndNoInterval()
    {
        var stats = MetricStatistics.Of([0.5])!;
        Assert.Equal(0.5, stats.Mean);
        Assert.Null(stats.StdDev);
        Assert.Null(stats.CiLow);
        Assert.Null(stats.CiHigh);
    }

    [Fact]
    public void NoValuesNoStatistics() => Assert.Null(MetricStatistics.Of([]));
}
