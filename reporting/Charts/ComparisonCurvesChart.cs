// The curves of a comparison on one chart: each sweep's top combination's best seed, its sweep metric per epoch, one
// colour per sweep. Builds the chart spec only; the comparison decides which curves there are.
using SweepCluster.Reporting.Compare;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>The compared sweeps' curves.</summary>
public static class ComparisonCurvesChart
{
    public const string Id = "chart-compare";

    /// <summary>Null when the sweeps rank by different metrics or none has a completed trial.</summary>
    public static XyChart? Of(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.SharedMetric is not { } metric) return null;
        var curves = ComparisonCurves.Of(comparison);
        if (curves.All(c => c.Count == 0)) return null;
        var series = comparison.Sweeps.Select((sweep, i) => new ChartSeries(sweep.Header.SweepId, SeriesMark.Line, ChartColors.Series(i),
            curves[i].Select(p => new ChartPoint(p.Epoch, double.IsFinite(p.Metric) ? p.Metric : null)).ToArray())).ToArray();
        return new XyChart(Id, $"{ReportText.Name(metric.Name)} per epoch of each sweep's top combination ({MetricAxis.Goal(metric)})",
            "One line per sweep (legend: sweep id): the best seed of its top combination, its value after each epoch.",
            MetricAxis.Epoch, [MetricAxis.Of(metric)], series);
    }
}
