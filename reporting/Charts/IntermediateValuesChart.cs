// The sweep metric after every epoch of every trial (capped by TrialSample), whatever its status: one line per trial,
// coloured by status, and a cross where the trial scheduler pruned a trial. Builds the chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Intermediate values of every trial.</summary>
internal static class IntermediateValuesChart
{
    public const string Id = "chart-intermediate";

    /// <summary>The legend entry of the pruning marks.</summary>
    public const string PrunedHere = "pruned here";

    public static XyChart Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var withCurves = runs.Trials.Where(t => t.Curve.Count > 0).ToArray();
        var drawn = TrialSample.Of(withCurves, metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap));
        var series = new List<ChartSeries>();
        foreach (var status in Enum.GetValues<TrialStatus>())
        {
            var trials = drawn.Where(t => t.Status == status).ToArray();
            if (trials.Length == 0) continue;
            // One series per status: the trials' lines one after another, each ended by a point without a value.
            // Only a line's last point names its trial (on hover), which keeps the page small.
            var points = trials.SelectMany(t => t.Curve.Select((p, i) => new ChartPoint(p.Epoch, p.Value, i == t.Curve.Count - 1 ? Label(t) : null))
                .Append(new ChartPoint(t.Curve[^1].Epoch, null))).ToArray();
            series.Add(new ChartSeries(string.Create(CultureInfo.InvariantCulture, $"{ReportText.Name(status)} ({trials.Length})"),
                SeriesMark.Line, ChartColors.Of(status), points));
        }
        var pruned = drawn.Where(t => t.PrunedAtEpoch is not null && t.MetricAtPruning is not null)
            .Select(t => new ChartPoint(t.PrunedAtEpoch!.Value, t.MetricAtPruning, Label(t))).ToArray();
        if (pruned.Length > 0) series.Add(new ChartSeries(PrunedHere, SeriesMark.Cross, ChartColors.PruningMark, pruned));
        var pruning = pruned.Length > 0 ? "; × marks the epoch after which the trial scheduler pruned a trial" : "";
        var note = $"One line per trial: its {ReportText.Name(metric.Name)} after each epoch, coloured by status (legend: status and trial count)" +
            $"{pruning}. {TrialSample.Note(drawn.Count, withCurves.Length)}".TrimEnd();
        return new XyChart(Id, $"{ReportText.Name(metric.Name)} after each epoch of every trial", note, MetricAxis.Epoch,
            [MetricAxis.Of(metric)], series);
    }

    private static string Label(TrialRun trial) => string.Create(CultureInfo.InvariantCulture, $"trial {trial.Index} ({ReportText.Name(trial.Status)})");
}
