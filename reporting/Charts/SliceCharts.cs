// Slice plots: the final metric of every completed trial (capped by TrialSample) against each searched numeric
// hyperparameter, one chart per column, log or linear by LogAxisRule. The schedule families have their own chart
// (FamilyMetricChart); a column with a single value among the completed trials gets none. Builds chart specs only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Metric against each numeric hyperparameter.</summary>
internal static class SliceCharts
{
    /// <summary>The id prefix of the slice charts; the column's position follows.</summary>
    public const string IdPrefix = "chart-slice-";

    public static IReadOnlyList<XyChart> Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var completed = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).ToArray();
        if (completed.Length == 0) return [];
        var drawn = TrialSample.Of(completed, metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap));
        var sampled = TrialSample.Note(drawn.Count, completed.Length);
        return HyperparameterAxes.Varying(runs.NumericColumns, completed).Select((column, i) =>
        {
            var axis = HyperparameterAxes.Numeric(column, completed);
            var points = drawn.Where(t => t.Numeric.ContainsKey(column))
                .Select(t => new ChartPoint(t.Numeric[column], t.FinalMetric, string.Create(CultureInfo.InvariantCulture, $"trial {t.Index}")))
                .ToArray();
            var scale = axis.Scale == AxisScale.Log ? "log axis: the values span a factor of " +
                ReportText.Number(LogAxisRule.LogSpanRatio) + " or more" : "linear axis";
            return new XyChart(string.Create(CultureInfo.InvariantCulture, $"{IdPrefix}{i}"),
                $"Final {ReportText.Name(metric.Name)} by {column}",
                $"One dot per completed trial ({scale}). {sampled}".TrimEnd(), axis, [MetricAxis.Of(metric)],
                [new ChartSeries("completed trial", SeriesMark.Dot, ChartColors.Of(TrialStatus.Completed), points)]);
        }).ToArray();
    }
}
