// The values a metric can take, from its kind: an accuracy lies in [0, 1], a loss or an RMSE is never negative, an R²
// is at most 1. The report clips confidence intervals and chart ranges to it, so a wide interval from two seeds never
// shows an accuracy below 0 or above 1. It does not validate measured values.
using SweepCluster.Core;

namespace SweepCluster.Reporting;

/// <summary>The closed range a metric's values lie in; a null end is unbounded.</summary>
/// <param name="Min">The smallest possible value; null: no lower bound.</param>
/// <param name="Max">The largest possible value; null: no upper bound.</param>
public sealed record MetricRange(double? Min, double? Max)
{
    /// <summary>A fraction of examples: accuracy.</summary>
    public static MetricRange Fraction { get; } = new(0.0, 1.0);

    /// <summary>A loss, an error or a count of steps: never negative.</summary>
    public static MetricRange NonNegative { get; } = new(0.0, null);

    /// <summary>A coefficient of determination: at most 1, as negative as a bad model makes it.</summary>
    public static MetricRange AtMostOne { get; } = new(null, 1.0);

    /// <summary>No bound at all.</summary>
    public static MetricRange Unbounded { get; } = new(null, null);

    /// <summary>The range of <paramref name="metric"/>'s values.</summary>
    public static MetricRange Of(MetricName metric) => metric switch
    {
        MetricName.ValAccuracy => Fraction,
        MetricName.ValLoss or MetricName.ValRmse or MetricName.TrainLoss or MetricName.Steps => NonNegative,
        MetricName.ValR2 => AtMostOne,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    /// <summary><paramref name="value"/> moved inside the range (NaN stays NaN).</summary>
    public double Clip(double value)
    {
        if (Min is { } min && value < min) return min;
        if (Max is { } max && value > max) return max;
        return value;
    }

    /// <summary>"[0, 1]", "[0, ∞)", "(−∞, 1]" for legends.</summary>
    public override string ToString() =>
        $"{(Min is { } min ? "[" + Formatting.ReportText.Number(min) : "(−∞")}, {(Max is { } max ? Formatting.ReportText.Number(max) + "]" : "∞)")}";
}
