// How schedulers compare metric values: a missing or non-finite value ranks below every real one, and equal values
// rank the lower trial index first, so every ranking is a total order that does not depend on arrival order.
using SweepCluster.Core.Specs;
using SweepCluster.Core;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Metric comparisons for schedulers, by the sweep's goal.</summary>
public sealed class SchedulerMetric(MetricSpec metric)
{
    public MetricSpec Metric => metric;

    /// <summary>A value that ranks as a number: missing and non-finite values become the worst possible.</summary>
    public double Rankable(double? value) =>
        value is { } v && double.IsFinite(v) ? v : metric.Goal == MetricGoal.Maximize ? double.NegativeInfinity : double.PositiveInfinity;

    /// <summary>Strictly better by the goal.</summary>
    public bool IsBetter(double candidate, double incumbent) => metric.IsBetter(candidate, incumbent);

    /// <summary>(trial, value) pairs best first; ties: lower trial index first.</summary>
    public IEnumerable<KeyValuePair<int, double>> BestFirst(IEnumerable<KeyValuePair<int, double>> values) =>
        metric.Goal == MetricGoal.Maximize
            ? values.OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            : values.OrderBy(p => p.Value).ThenBy(p => p.Key);

    /// <summary>The best of <paramref name="values"/> by the goal.</summary>
    public double Best(IEnumerable<double> values) =>
        metric.Goal == MetricGoal.Maximize ? values.Max() : values.Min();

    public string Name => SweepCluster.Core.Specs.SpecNames.Of(metric.Name);
}
