// The axes every chart shares: the sweep metric with its unit, the epoch, and the applied schedules' values. Names
// and units only.
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Shared chart axes.</summary>
internal static class MetricAxis
{
    /// <summary>The epoch axis of every per-epoch chart.</summary>
    public static ChartAxis Epoch { get; } = new("epoch", "", AxisScale.Linear);

    /// <summary>The loss axis (losses are means over examples).</summary>
    public static ChartAxis Loss { get; } = new("loss", "per example", AxisScale.Linear);

    /// <summary>The axis of the sweep metric, named as the sweep names it, with its unit (fitted to the data, within the
    /// metric's range).</summary>
    public static ChartAxis Of(MetricSpec metric) =>
        new(ReportText.Name(metric.Name), UnitOf(metric.Name), AxisScale.Linear, Limits: MetricRange.Of(metric.Name));

    /// <summary>"val_accuracy (fraction correct, higher is better)"-style words for notes.</summary>
    public static string Goal(MetricSpec metric) => metric.Goal == MetricGoal.Maximize ? "higher is better" : "lower is better";

    private static string UnitOf(MetricName name) => name switch
    {
        MetricName.ValAccuracy => "fraction correct",
        MetricName.ValLoss or MetricName.TrainLoss => "per example",
        MetricName.ValRmse => "target units",
        MetricName.ValR2 => "coefficient of determination",
        MetricName.Steps => "optimiser steps",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no unit for this metric"),
    };
}
