// The curves a comparison draws: each sweep's top combination's best seed, its sweep metric per epoch. Shared by the
// terminal plot and the Markdown epoch table; it draws nothing itself.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Compare;

/// <summary>The metric curve of each compared sweep.</summary>
public static class ComparisonCurves
{
    /// <summary>(epoch, metric) of each sweep's top combination's best seed, in the comparison's order (empty before
    /// any trial completed, or when the metrics differ and no curve can share an axis).</summary>
    public static IReadOnlyList<IReadOnlyList<(double Epoch, double Metric)>> Of(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Sweeps.Select(s => s.Curve is { } curve && comparison.SharedMetric is { } metric
            ? Points(curve.History, metric)
            : (IReadOnlyList<(double, double)>)[]).ToArray();
    }

    /// <summary>Epochs of the longest curve, at most <paramref name="maxRows"/> of them evenly spaced, the last always kept.</summary>
    public static IReadOnlyList<int> Epochs(SweepComparison comparison, int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        var epochs = Of(comparison).SelectMany(c => c.Select(p => (int)p.Epoch)).Distinct().Order().ToArray();
        if (epochs.Length <= maxRows) return epochs;
        return Enumerable.Range(0, maxRows).Select(i => epochs[(int)Math.Round((double)i * (epochs.Length - 1) / (maxRows - 1))]).Distinct().ToArray();
    }

    private static IReadOnlyList<(double, double)> Points(IReadOnlyList<EpochRecord> history, MetricSpec metric) =>
        history.Select(e => ((double)e.Epoch, metric.ValueOf(e) ?? double.NaN)).ToArray();
}
