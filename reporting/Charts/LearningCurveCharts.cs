// The learning curves of the top combinations: training and validation loss, and the sweep metric, per epoch of each
// top combination's best seed (the report's TopCurves). Builds chart specs only.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Loss and metric curves of the top combinations.</summary>
internal static class LearningCurveCharts
{
    public const string LossId = "chart-loss";
    public const string MetricId = "chart-metric";

    /// <summary>Train (dashed) and validation (solid) loss per epoch of each top combination's best seed.</summary>
    public static XyChart Losses(SweepReport report)
    {
        var series = report.TopCurves.SelectMany((curve, i) => new[]
        {
            new ChartSeries(CurveLabel(curve), SeriesMark.Line, ChartColors.Series(i),
                curve.History.Select(e => new ChartPoint(e.Epoch, e.ValLoss)).ToArray()),
            new ChartSeries(CurveLabel(curve), SeriesMark.DashedLine, ChartColors.Series(i),
                curve.History.Select(e => new ChartPoint(e.Epoch, e.TrainLoss)).ToArray()),
        }).ToArray();
        return new XyChart(LossId, "Loss per epoch: best seed of " + TopCombinations(report.TopCurves.Count),
            "Solid: validation loss; dashed: training loss. One colour per combination (legend: rank and searched values).",
            MetricAxis.Epoch, [MetricAxis.Loss], series);
    }

    /// <summary>The sweep metric per epoch of each top combination's best seed.</summary>
    public static XyChart Metric(SweepReport report)
    {
        var metric = report.Header.Metric;
        var series = report.TopCurves.Select((curve, i) => new ChartSeries(CurveLabel(curve), SeriesMark.Line, ChartColors.Series(i),
            curve.History.Select(e => new ChartPoint(e.Epoch, metric.ValueOf(e))).ToArray())).ToArray();
        return new XyChart(MetricId, $"{ReportText.Name(metric.Name)} per epoch ({MetricAxis.Goal(metric)})",
            "One line per combination: its best seed's value after each epoch.", MetricAxis.Epoch, [MetricAxis.Of(metric)], series);
    }

    /// <summary>"#1 learning_rate=…, batch_size=…".</summary>
    public static string CurveLabel(RankedTrial curve) => $"#{curve.Rank} {ReportText.Axes(curve.Axes)}";

    /// <summary>"each of the top 3 combinations", or "the top combination" when there is one.</summary>
    private static string TopCombinations(int count) =>
        count == 1 ? "the top combination" : $"each of the top {count} combinations";
}
