// A metric's chart axis stays within the metric's range: confidence intervals are clipped to it, and the axis that shows
// them must not round past it either (an accuracy axis to 1.1). Checked on the ECharts options the HTML report embeds.
using System.Text.Json.Nodes;
using SweepCluster.Core;
using SweepCluster.Reporting.Charts;

namespace SweepCluster.Reporting.Tests.Charts;

public sealed class MetricAxisRangeTests
{
    private static readonly MetricSpec Accuracy = MetricSpec.DefaultClassification;

    [Theory]
    [InlineData(0.80, 0.995)] // a 0.03 step: whole steps would end at 1.02
    [InlineData(0.95, 0.999)]
    [InlineData(0.97, 1.0)]
    [InlineData(0.90, 1.012)] // a band's edge (mean + 1 sd) above the range
    [InlineData(0.999, 0.999)] // one value
    [InlineData(0.02, 0.99)]
    public void An_accuracy_axis_near_1_stays_within_0_and_1_and_fits_the_data(double low, double high)
    {
        var (min, max) = YAxis(XyChartOf(Accuracy, low, high), 0);

        Assert.InRange(max, 0, 1);
        Assert.InRange(min, 0, 1);
        Assert.True(max >= Math.Min(high, 1), $"max {max} cuts off the data's {high}");
        Assert.True(min <= low, $"min {min} cuts off the data's {low}");
        if (low >= 0.9 && high > low) Assert.True(min >= 0.5, $"min {min} is not fitted to data from {low}");
    }

    [Fact]
    public void A_loss_axis_never_goes_below_0_and_an_r2_axis_never_above_1()
    {
        var (lossMin, _) = YAxis(XyChartOf(new MetricSpec(MetricName.ValRmse, MetricGoal.Minimize), 0.001, 0.4), 0);
        var (_, r2Max) = YAxis(XyChartOf(new MetricSpec(MetricName.ValR2, MetricGoal.Maximize), -0.2, 0.995), 0);

        Assert.True(lossMin >= 0, $"min {lossMin}");
        Assert.True(r2Max is >= 0.995 and <= 1, $"max {r2Max}");
    }

    [Fact]
    public void The_expected_best_chart_of_accuracies_near_1_keeps_its_band_within_the_axis_range()
    {
        // Spread final accuracies: the band's upper edge (expected + 1 sd) passes 1 for few trials.
        var runs = new TrialRuns([.. new[] { 0.2, 0.999, 0.4, 0.998, 0.6, 0.97 }.Select((metric, i) => new TrialRun(i, TrialStatus.Completed,
            new Dictionary<string, double>(), new Dictionary<string, string>(), [(1, metric)], metric, null))], [], []);
        var chart = ExpectedBestChart.Of(runs, Accuracy)!;

        var (min, max) = YAxis(chart, 0);

        Assert.True(chart.Series.Any(s => s.Points.Any(p => p.Y > 1)), "the band should pass 1 for this test to mean anything");
        Assert.InRange(max, 0.999, 1);
        Assert.InRange(min, 0, 0.4);
    }

    [Fact]
    public void An_axis_without_limits_is_left_to_echarts()
    {
        var chart = new XyChart("chart-test", "t", "n", MetricAxis.Epoch, [new ChartAxis("learning rate", "", AxisScale.Linear)],
            [new ChartSeries("s", SeriesMark.Line, ChartColors.Series(0), [new ChartPoint(1, 0.2), new ChartPoint(2, 1.05)])]);

        var y = EChartsOptions.Of(chart)["yAxis"]![0]!.AsObject();

        Assert.False(y.ContainsKey("min"));
        Assert.False(y.ContainsKey("max"));
    }

    [Theory]
    [InlineData(0.80, 0.995, 0.78, 1.02)]
    [InlineData(0.95, 0.999, 0.95, 1.0)]
    [InlineData(0.0, 0.0, 0.0, 1.0)]
    [InlineData(2.0, 2.0, 1.0, 3.0)]
    public void Fitted_extents_end_on_whole_steps(double low, double high, double expectedLow, double expectedHigh) =>
        Assert.Equal((expectedLow, expectedHigh), EChartsOptions.FittedExtent(low, high));

    private static XyChart XyChartOf(MetricSpec metric, double low, double high) =>
        new("chart-test", "t", "n", MetricAxis.Epoch, [MetricAxis.Of(metric)],
            [new ChartSeries("s", SeriesMark.Line, ChartColors.Series(0), [new ChartPoint(1, low), new ChartPoint(2, (low + high) / 2), new ChartPoint(3, high)])]);

    private static (double Min, double Max) YAxis(ChartSpec chart, int panel)
    {
        var y = EChartsOptions.Of(chart)["yAxis"]![panel]!.AsObject();
        Assert.True(y.ContainsKey("min") && y.ContainsKey("max"), y.ToJsonString());
        return (y["min"]!.GetValue<double>(), y["max"]!.GetValue<double>());
    }
}
