// The optimisation history: every completed trial's final metric by trial number (the order the searcher proposed
// them, as Optuna's history plot does) and the best so far as a step line, from the Analysis computation. Builds the
// chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Metric and best so far by trial number.</summary>
internal static class OptimizationHistoryChart
{
    public const string Id = "chart-history";

    /// <summary>The legend entry of the best-so-far line.</summary>
    public const string BestSoFar = "best so far";

    private static readonly ChartAxis TrialAxis = new("trial number", "", AxisScale.Linear);

    /// <summary>Null when no trial completed with a metric.</summary>
    public static XyChart? Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var finished = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null)
            .Select(t => new FinishedTrial(t.Index, t.Index, t.FinalMetric!.Value)).ToArray();
        var history = OptimizationHistory.Of(finished, metric.Goal);
        if (history.Count == 0) return null;

        // Every new best is a corner of the step line; the dots are capped, the best line never is.
        var drawn = TrialSample.Of(runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).ToArray(),
            metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap)).Select(t => t.Index).ToHashSet();
        var dots = history.Where(p => drawn.Contains(p.TrialIndex))
            .Select(p => new ChartPoint(p.TrialIndex, p.Value, Label(p.TrialIndex))).ToArray();
        var best = history.Where(p => p.IsNewBest).Select(p => new ChartPoint(p.TrialIndex, p.BestSoFar, Label(p.TrialIndex)))
            .Append(new ChartPoint(history[^1].TrialIndex, history[^1].BestSoFar)).ToArray();
        var note = $"One dot per completed trial: its final {ReportText.Name(metric.Name)} by trial number (the order trials were " +
            $"proposed); the line is the best so far ({MetricAxis.Goal(metric)}). {TrialSample.Note(dots.Length, history.Count)}".TrimEnd();
        return new XyChart(Id, $"Optimisation history: {ReportText.Name(metric.Name)} by trial", note, TrialAxis, [MetricAxis.Of(metric)],
        [
            new ChartSeries("completed trial", SeriesMark.Dot, ChartColors.Of(TrialStatus.Completed), dots),
            new ChartSeries(BestSoFar, SeriesMark.StepLine, ChartColors.BestSoFar, best),
        ]);
    }

    private static string Label(int trial) => string.Create(CultureInfo.InvariantCulture, $"trial {trial}");
}
