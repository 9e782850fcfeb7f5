// The rule that puts a hyperparameter on a log axis. The report does not carry the sweep spec's declared distributions,
// so it decides from the values: all positive and spanning at least a factor of LogSpanRatio (learning rates and weight
// decays searched over decades, batch sizes in powers of two). Decides only.
namespace SweepCluster.Reporting.Charts;

/// <summary>Linear or log scale for a numeric hyperparameter's values.</summary>
internal static class LogAxisRule
{
    /// <summary>The smallest max/min ratio drawn on a log axis.</summary>
    public const double LogSpanRatio = 8.0;

    /// <summary>The rule in words, for chart notes.</summary>
    public static string InWords { get; } = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"a hyperparameter whose values are all positive and span a factor of {LogSpanRatio} or more is drawn on a log axis");

    /// <summary><see cref="AxisScale.Log"/> when every value is positive and max/min ≥ <see cref="LogSpanRatio"/>.</summary>
    public static AxisScale For(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToArray();
        if (all.Length == 0 || all.Any(v => !(v > 0) || !double.IsFinite(v))) return AxisScale.Linear;
        return all.Max() / all.Min() >= LogSpanRatio ? AxisScale.Log : AxisScale.Linear;
    }
}
