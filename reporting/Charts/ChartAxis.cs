// One axis of a chart: its name, its unit and how values map onto it. No drawing here.
using System.Globalization;

namespace SweepCluster.Reporting.Charts;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    /// <summary>Evenly spaced values.</summary>
    Linear,

    /// <summary>Powers of ten evenly spaced; every value must be positive.</summary>
    Log,

    /// <summary>Named categories, evenly spaced in <see cref="ChartAxis.Categories"/> order; a value is a category's index.</summary>
    Category,
}

/// <summary>A named axis with a unit.</summary>
/// <param name="Name">What the axis measures ("learning rate").</param>
/// <param name="Unit">Its unit ("examples", "epoch"); empty for a plain number.</param>
/// <param name="Scale">How values map onto it.</param>
/// <param name="Categories">The categories of a <see cref="AxisScale.Category"/> axis, in order; null otherwise.</param>
/// <param name="Min">The lowest value shown, when fixed (a metric's range); null to fit the data.</param>
/// <param name="Max">The highest value shown, when fixed; null to fit the data.</param>
/// <param name="Limits">The range a fitted axis never leaves (a metric's: an accuracy axis stays within [0, 1]); null for none.</param>
public sealed record ChartAxis(string Name, string Unit, AxisScale Scale, IReadOnlyList<string>? Categories = null,
    double? Min = null, double? Max = null, MetricRange? Limits = null)
{
    /// <summary>The axis title: "name (unit)", or the name alone without a unit.</summary>
    public string Label => Unit.Length == 0 ? Name : string.Create(CultureInfo.InvariantCulture, $"{Name} ({Unit})");
}
