// The budget curve: the expected best final metric of n trials drawn from the completed ones, with a band of one
// standard deviation, for n from 1 to the number completed (expected validation performance, Dodge et al., EMNLP
// 2019; the Analysis computation). It answers "how many trials were enough?". Builds the chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Expected best metric against the number of trials.</summary>
internal static class ExpectedBestChart
{
    public const string Id = "chart-budget";

    /// <summary>The legend entry of the expected best.</summary>
    public const string Expected = "expected best";

    /// <summary>The legend entry of the band's two edges.</summary>
    public const string Band = "± 1 standard deviation";

    /// <summary>Null when fewer than two trials completed with a metric (one trial has no curve to speak of).</summary>
    public static XyChart? Of(TrialRuns runs, MetricSpec metric)
    {
        var values = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).Select(t => t.FinalMetric!.Value).ToArray();
        if (values.Length < MinTrials) return null;
        var curve = ExpectedBest.Curve(values, metric.Goal);
        var trials = new ChartAxis("trials run", "", LogAxisRule.For(curve.Points.Select(p => (double)p.Trials)));
        ChartPoint Point(ExpectedBestPoint p, double y) =>
            new(p.Trials, y, string.Create(CultureInfo.InvariantCulture, $"{Plural.Of(p.Trials, "trial")}: {ReportText.Metric(p.Expected)} ± {ReportText.Metric(p.StdDev)}"));
        var note = string.Create(CultureInfo.InvariantCulture,
            $"If only n of the {curve.TrialsUsed} completed trials had been run, drawn at random: the best final {ReportText.Name(metric.Name)} ") +
            "to expect, with one standard deviation either side (expected validation performance, Dodge et al. 2019). " +
            "A curve that is flat at the right says more trials would have gained little; it ignores the order trials ran in.";
        return new XyChart(Id, $"Expected best {ReportText.Name(metric.Name)} by number of trials", note, trials, [MetricAxis.Of(metric)],
        [
            new ChartSeries(Band, SeriesMark.DashedLine, ChartColors.Band, curve.Points.Select(p => Point(p, p.Expected + p.StdDev)).ToArray()),
            new ChartSeries(Band, SeriesMark.DashedLine, ChartColors.Band, curve.Points.Select(p => Point(p, p.Expected - p.StdDev)).ToArray()),
            new ChartSeries(Expected, SeriesMark.Line, ChartColors.BestSoFar, curve.Points.Select(p => Point(p, p.Expected)).ToArray()),
        ]);
    }

    /// <summary>The fewest completed trials the curve is drawn for.</summary>
    private const int MinTrials = 2;
}
