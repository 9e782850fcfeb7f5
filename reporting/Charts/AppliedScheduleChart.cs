// The schedules the top trials applied (learning rate, weight decay, batch size), drawn under their validation curve
// on the same epoch axis. The history records each schedule's value once per epoch, at the epoch's first step, so that
// is what is drawn; it does not re-evaluate schedules per step (the report does not carry the trial's full schedule
// configuration or its step horizon).
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Validation curve and applied schedules of the top combinations' best seeds, in stacked panels.</summary>
internal static class AppliedScheduleChart
{
    public const string Id = "chart-schedules";

    /// <summary>What the panels' values are.</summary>
    public const string Note = "Panels share the epoch axis. Each schedule is recorded once per epoch, at the epoch's first step: " +
        "a step-clock schedule that changes within an epoch shows as its value at each epoch's start, and an adaptive policy " +
        "(plateau, noise scale, fan-in, feature scale, PBT's explore) as the values it actually applied. One colour per combination.";

    private static readonly ChartAxis LearningRate = new("learning rate", "per step", AxisScale.Linear);
    private static readonly ChartAxis WeightDecay = new("weight decay", "coefficient", AxisScale.Linear);
    private static readonly ChartAxis BatchSize = new("batch size", "examples", AxisScale.Linear);

    public static XyChart Of(SweepReport report)
    {
        var metric = report.Header.Metric;
        IReadOnlyList<(ChartAxis Axis, Func<EpochRecord, double?> Value)> panels =
        [
            (MetricAxis.Of(metric), e => metric.ValueOf(e)),
            (LearningRate, e => e.LearningRate),
            (WeightDecay, e => e.WeightDecay),
            (BatchSize, e => e.BatchSize),
        ];
        var series = report.TopCurves.SelectMany((curve, i) => panels.Select((panel, p) => new ChartSeries(
            LearningCurveCharts.CurveLabel(curve), SeriesMark.Line, ChartColors.Series(i),
            curve.History.Select(e => new ChartPoint(e.Epoch, panel.Value(e))).ToArray(), p))).ToArray();
        return new XyChart(Id, $"{ReportText.Name(metric.Name)} and the schedules applied by the top {report.TopCurves.Count} combinations' best seeds",
            Note, MetricAxis.Epoch, panels.Select(p => p.Axis).ToArray(), series);
    }
}
