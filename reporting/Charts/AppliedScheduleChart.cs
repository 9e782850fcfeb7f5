// The schedules the top trials applied (learning rate, weight decay, batch size), drawn per optimizer step under their
// validation curve on one epoch axis. The per-step values are the trial's AppliedSteps: what its trainer handed the
// optimizer at each step (adaptive policies' and PBT's changes included), thinned to a bounded trace
// (StepTraceThinning: at most 2,000 points per trial per schedule, every change kept when that fits). Steps sit at
// fractional epochs (StepEpochPosition), so the metric of epoch e at x = e follows the steps that produced it.
// Without a trace (a trial whose checkpoint could not be read) the history's per-epoch value is drawn, held over the
// epoch it started.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Validation curve and per-step applied schedules of the top combinations' best seeds, in stacked panels.</summary>
internal static class AppliedScheduleChart
{
    public const string Id = "chart-schedules";

    /// <summary>What the panels' values are.</summary>
    public static readonly string Note = string.Create(CultureInfo.InvariantCulture,
        $"Panels share the epoch axis: epoch e spans e − 1 to e, its optimizer steps spread evenly across it, " +
        $"and the metric measured after epoch e sits at e. The schedules are the values each step actually applied, adaptive " +
        $"policies (plateau, noise scale, feature scale) and PBT's explore included; a stepped line holds each value until the next " +
        $"change. A schedule with more changes than the {StepTraceThinning.MaxPoints:N0} points it may have shows an even sample of its " +
        $"steps (plus both sides of every change into a long constant stretch), drawn as a plain line. The learning rate is the base " +
        $"rate; fan_in's per-layer multipliers are constant and not drawn. One colour per combination.");

    /// <summary>Added to <see cref="Note"/> when a plotted trial has no per-step trace.</summary>
    public const string PerEpochNote = " A trial without a per-step trace (its checkpoint could not be read) shows the value of each " +
        "epoch's first step, held over the epoch.";

    private static readonly ChartAxis LearningRate = new("learning rate", "per step", AxisScale.Linear);
    private static readonly ChartAxis WeightDecay = new("weight decay", "coefficient", AxisScale.Linear);
    private static readonly ChartAxis BatchSize = new("batch size", "examples", AxisScale.Linear);

    /// <summary>The panel of each schedule: the metric's is 0.</summary>
    private enum Panel { Metric, LearningRate, WeightDecay, BatchSize }

    public static XyChart Of(SweepReport report)
    {
        var metric = report.Header.Metric;
        ChartAxis[] panels = [MetricAxis.Of(metric), LearningRate, WeightDecay, BatchSize];
        var series = report.TopCurves.SelectMany((curve, i) => SeriesOf(curve, metric, ChartColors.Series(i))).ToArray();
        var note = report.TopCurves.All(HasTrace) ? Note : Note + PerEpochNote;
        return new XyChart(Id, $"{ReportText.Name(metric.Name)} and the schedules applied by " +
            (report.TopCurves.Count == 1 ? "the top combination's best seed" : $"the top {report.TopCurves.Count} combinations' best seeds"),
            note, MetricAxis.Epoch, panels, series);
    }

    private static IEnumerable<ChartSeries> SeriesOf(RankedTrial curve, MetricSpec metric, string color)
    {
        var name = LearningCurveCharts.CurveLabel(curve);
        var history = curve.History;
        yield return new ChartSeries(name, SeriesMark.Line, color,
            history.Select(e => new ChartPoint(e.Epoch, metric.ValueOf(e))).ToArray(), (int)Panel.Metric);
        var position = new StepEpochPosition(history);
        if (HasTrace(curve) && curve.Applied is { } applied)
        {
            yield return PerStep(name, color, Panel.LearningRate, applied.LearningRate, applied.Steps, position);
            yield return PerStep(name, color, Panel.WeightDecay, applied.WeightDecay, applied.Steps, position);
            yield return PerStep(name, color, Panel.BatchSize, applied.BatchSize, applied.Steps, position);
            yield break;
        }
        yield return PerEpoch(name, color, Panel.LearningRate, history, e => e.LearningRate);
        yield return PerEpoch(name, color, Panel.WeightDecay, history, e => e.WeightDecay);
        yield return PerEpoch(name, color, Panel.BatchSize, history, e => e.BatchSize);
    }

    private static bool HasTrace(RankedTrial curve) => curve.Applied is { Steps: > 0 } && curve.History.Count > 0 && curve.History[^1].Step > 0;

    // The trace's points at their steps' positions, then the last value held to the end of the last step. Steps the
    // history does not cover (it never is shorter for a completed trial) have no position and are left out.
    private static ChartSeries PerStep(string name, string color, Panel panel, StepTrace trace, long steps, StepEpochPosition position)
    {
        var covered = Math.Min(steps, position.Steps);
        var points = new List<ChartPoint>(trace.Count + 1);
        for (var p = 0; p < trace.Count && trace.Steps[p] < covered; p++)
            points.Add(new ChartPoint(position.X(trace.Steps[p]), trace.Values[p]));
        if (points.Count > 0) points.Add(points[^1] with { X = position.X(covered) });
        return new ChartSeries(name, trace.Exact ? SeriesMark.StepLine : SeriesMark.Line, color, points, (int)panel);
    }

    // Without a trace: the value at each epoch's first step, held from the epoch's start to its end.
    private static ChartSeries PerEpoch(string name, string color, Panel panel, IReadOnlyList<EpochRecord> history, Func<EpochRecord, double> value)
    {
        var points = history.Select(e => new ChartPoint(e.Epoch - 1, value(e))).ToList();
        if (history.Count > 0) points.Add(points[^1] with { X = history[^1].Epoch });
        return new ChartSeries(name, SeriesMark.StepLine, color, points, (int)panel);
    }
}
