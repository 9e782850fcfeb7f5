// Builds the per-axis summary: for each searched path, the metric by value, over every trial. A random search's
// sampled values are binned (AxisBins) into value ranges; a path with more rows than the report lists still keeps
// those with the best mean, best first.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Reporting;

/// <summary>Aggregates completed trials by the value of each axis.</summary>
internal static class AxisSummaryBuilder
{
    /// <summary>Paths in the order they first appear (the spec's axis order); values in the order they first appear by
    /// trial index, or, past <paramref name="maxValues"/>, the best <paramref name="maxValues"/> by mean.</summary>
    public static IReadOnlyList<AxisSummary> Build(IReadOnlyList<TrialEntry> entries, MetricSpec metric, int maxValues,
        SearchStrategy strategy = SearchStrategy.Grid)
    {
        var paths = entries
            .SelectMany(e => e.Configuration.Axes.Select(a => a.Key))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return paths.Select(path => strategy != SearchStrategy.Grid ? Binned(entries, path, metric, maxValues) : Summary(path, ValuesOf(entries, path, metric), metric, maxValues))
            .ToArray();
    }

    private static AxisSummary Summary(string path, IReadOnlyList<AxisValueSummary> values, MetricSpec metric, int maxValues, int? sampled = null) =>
        values.Count > maxValues
            ? new AxisSummary(path, BestFirst(values, metric.Goal).Take(maxValues).ToArray(), TotalValues: values.Count, sampled)
            : new AxisSummary(path, values, SampledValues: sampled);

    /// <summary>A random search's axis: values of one template binned when there are many (<see cref="AxisBins.Rows"/>).</summary>
    private static AxisSummary Binned(IReadOnlyList<TrialEntry> entries, string path, MetricSpec metric, int maxValues)
    {
        var pairs = PairsOf(entries, path);
        var rows = AxisBins.Rows(pairs.Select(p => p.Value).ToArray());
        var values = pairs
            .GroupBy(p => rows[p.Value].Label, StringComparer.Ordinal)
            .OrderBy(group => rows[group.First().Value].Template).ThenBy(group => rows[group.First().Value].Order)
            .Select(group => Aggregate(group.Key, group.Select(p => p.Entry).ToArray(), metric))
            .ToArray();
        var distinct = rows.Count;
        return Summary(path, values, metric, maxValues, values.Length < distinct ? distinct : null);
    }

    private static (string Value, TrialEntry Entry)[] PairsOf(IReadOnlyList<TrialEntry> entries, string path) =>
        entries.SelectMany(e => e.Configuration.Axes.Where(a => a.Key == path).Select(a => (a.Value, Entry: e))).ToArray();

    private static AxisValueSummary Aggregate(string label, IReadOnlyList<TrialEntry> trials, MetricSpec metric)
    {
        var values = trials.Where(e => e.MetricValue is not null).Select(e => e.MetricValue!.Value).ToArray();
        return new AxisValueSummary(label, Trials: trials.Count, Completed: values.Length,
            Mean: values.Length > 0 ? values.Average() : null, Best: values.Length > 0 ? BestOf(values, metric) : null);
    }

    /// <summary>Values with a mean first, better mean first; equal means and values without one in their given order.</summary>
    private static IEnumerable<AxisValueSummary> BestFirst(IReadOnlyList<AxisValueSummary> values, MetricGoal goal)
    {
        var withMeanFirst = values.OrderBy(v => v.Mean is null);
        return goal == MetricGoal.Maximize ? withMeanFirst.ThenByDescending(v => v.Mean) : withMeanFirst.ThenBy(v => v.Mean);
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
