// The optimisation history: every completed trial's final metric in the order trials finished, and the best so far as
// a step line, from the Analysis computation. A store that recorded no finish times (one written before they were
// kept) gives the order the searcher proposed trials instead, as Optuna's history plot does, and the note says so.
// Builds the chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Metric and best so far by finish order (by trial number without finish times).</summary>
internal static class OptimizationHistoryChart
{
    public const string Id = "chart-history";

    /// <summary>The legend entry of the best-so-far line.</summary>
    public const string BestSoFar = "best so far";

    private static readonly ChartAxis FinishAxis = new("trials finished", "", AxisScale.Linear);
    private static readonly ChartAxis TrialAxis = new("trial number", "", AxisScale.Linear);

    /// <summary>Null when no trial completed with a metric.</summary>
    public static XyChart? Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var completed = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).ToArray();
        var byFinish = completed.Length > 0 && completed.All(t => t.FinishedAt is not null);
        var history = OptimizationHistory.Of(
            completed.Select(t => new FinishedTrial(t.Index, byFinish ? t.FinishedAt!.Value.UtcTicks : t.Index, t.FinalMetric!.Value)).ToArray(),
            metric.Goal);
        if (history.Count == 0) return null;

        // Every new best is a corner of the step line; the dots are capped, the best line never is.
        double X(HistoryPoint p) => byFinish ? p.Position : p.TrialIndex;
        var drawn = TrialSample.Of(completed, metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap)).Select(t => t.Index).ToHashSet();
        var dots = history.Where(p => drawn.Contains(p.TrialIndex)).Select(p => new ChartPoint(X(p), p.Value, Label(p.TrialIndex))).ToArray();
        var best = history.Where(p => p.IsNewBest).Select(p => new ChartPoint(X(p), p.BestSoFar, Label(p.TrialIndex)))
            .Append(new ChartPoint(X(history[^1]), history[^1].BestSoFar)).ToArray();
        var order = byFinish
            ? "in the order trials finished"
            : "by trial number (the order trials were proposed: this store recorded no finish times)";
        var note = $"One dot per completed trial: its final {ReportText.Name(metric.Name)} {order}; the line is the best so far " +
            $"({MetricAxis.Goal(metric)}). {TrialSample.Note(dots.Length, history.Count)}".TrimEnd();
        var title = byFinish ? "by finish order" : "by trial";
        return new XyChart(Id, $"Optimisation history: {ReportText.Name(metric.Name)} {title}", note, byFinish ? FinishAxis : TrialAxis,
            [MetricAxis.Of(metric)],
            [
                new ChartSeries("completed trial", SeriesMark.Dot, ChartColors.Of(TrialStatus.Completed), dots),
                new ChartSeries(BestSoFar, SeriesMark.StepLine, ChartColors.BestSoFar, best),
            ]);
    }

    private static string Label(int trial) => string.Create(CultureInfo.InvariantCulture, $"trial {trial}");
}
