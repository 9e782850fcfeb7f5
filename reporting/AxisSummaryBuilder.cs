// Builds the per-axis summary: for each searched path, the metric by value. It does not rank values.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>Aggregates completed trials by the value of each axis.</summary>
internal static class AxisSummaryBuilder
{
    /// <summary>Paths in the order they first appear (the spec's axis order); values in the order they first appear by trial index.</summary>
    public static IReadOnlyList<AxisSummary> Build(IReadOnlyList<TrialEntry> entries, MetricSpec metric)
    {
        var paths = entries
            .SelectMany(e => e.Configuration.Axes.Select(a => a.Key))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return paths.Select(path => new AxisSummary(path, ValuesOf(entries, path, metric))).ToArray();
    }

    private static IReadOnlyList<AxisValueSummary> ValuesOf(IReadOnlyList<TrialEntry> entries, string path, MetricSpec metric) =>
        entries
            .SelectMany(e => e.Configuration.Axes.Where(a => a.Key == path).Select(a => (Value: a.Value, Entry: e)))
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(group =>
            {
                var values = group.Where(p => p.Entry.MetricValue is not null).Select(p => p.Entry.MetricValue!.Value).ToArray();
                return new AxisValueSummary(
                    group.Key,
                    Trials: group.Count(),
                    Completed: values.Length,
                    Mean: values.Length > 0 ? values.Average() : null,
                    Best: values.Length > 0 ? BestOf(values, metric) : null);
            })
            .ToArray();

    /// <summary>The best of non-empty <paramref name="values"/> according to the metric's goal.</summary>
    public static double BestOf(IReadOnlyList<double> values, MetricSpec metric) =>
        values.Aggregate((best, v) => metric.IsBetter(v, best) ? v : best);
}
