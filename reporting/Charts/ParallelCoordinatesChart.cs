// Parallel coordinates over the searched hyperparameters (numeric columns, then schedule families as category axes)
// and the sweep metric, one line per completed trial (capped by TrialSample), brushable on every axis. Builds the
// chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Parallel coordinates of the completed trials.</summary>
internal static class ParallelCoordinatesChart
{
    public const string Id = "chart-parallel";

    /// <summary>The chart, or null when there is no completed trial or no searched hyperparameter to draw.</summary>
    public static ParallelChart? Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var completed = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).ToArray();
        var numericColumns = HyperparameterAxes.Varying(runs.NumericColumns, completed);
        var familyColumns = HyperparameterAxes.VaryingFamilies(runs.FamilyColumns, completed);
        if (completed.Length == 0 || numericColumns.Count + familyColumns.Count == 0) return null;
        var drawn = TrialSample.Of(completed, metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap));
        var numeric = numericColumns.Select(c => HyperparameterAxes.Numeric(c, completed)).ToArray();
        var families = familyColumns.Select(c => HyperparameterAxes.Family(c, completed)).ToArray();
        ChartAxis[] axes = [.. numeric, .. families, MetricAxis.Of(metric)];
        var rows = drawn.Select(t => new ParallelRow(string.Create(CultureInfo.InvariantCulture, $"trial {t.Index}"),
        [
            .. numericColumns.Select(c => t.Numeric.TryGetValue(c, out var v) ? v : (double?)null),
            .. familyColumns.Select((c, i) => t.Families.TryGetValue(c, out var f) ? CategoryIndex(families[i], f) : (double?)null),
            t.FinalMetric,
        ])).ToArray();
        var note = $"One line per completed trial, coloured by its final {ReportText.Name(metric.Name)} ({MetricAxis.Goal(metric)}); " +
            $"drag along an axis to select a range, drag the selection to move it, click the axis outside it to clear; " +
            $"{LogAxisRule.InWords}. {HyperparameterAxes.ConstantColumnsLeftOut} {TrialSample.Note(drawn.Count, completed.Length)}".TrimEnd();
        return new ParallelChart(Id, $"Searched hyperparameters and final {ReportText.Name(metric.Name)} of the completed trials", note, axes, rows);
    }

    private static int CategoryIndex(ChartAxis axis, string category) =>
        axis.Categories!.Select((name, index) => (name, index)).First(c => c.name == category).index;
}
