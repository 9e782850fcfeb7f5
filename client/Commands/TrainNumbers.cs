// One format for the measured numbers the CLI prints (losses, metrics, learning rates, weight decays): at most four
// significant digits, and scientific notation for magnitudes under 0.001, so that 5e-06 and 0.0009055 never stand
// side by side as "5E-06" and "0.0009055".
using System.Globalization;

namespace SweepCluster.Cli.Commands;

public static class TrainNumbers
{
    /// <summary>Below this magnitude a number is written in scientific notation.</summary>
    private const double SmallestPlain = 1e-3;

    /// <summary>From this magnitude up, too.</summary>
    private const double LargestPlain = 1e6;

    private const string Plain = "0.####";
    private const string Scientific = "0.###e+00";

    /// <summary>"0.9123", "12.35", "5e-06", "9.055e-04", "0"; NaN and infinities as .NET writes them.</summary>
    public static string Format(double value)
    {
        if (value == 0 || !double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (magnitude is < SmallestPlain or >= LargestPlain) return value.ToString(Scientific, CultureInfo.InvariantCulture);
        // Four significant digits, then no trailing zeros.
        var rounded = Math.Round(value, Math.Max(0, 3 - (int)Math.Floor(Math.Log10(magnitude))), MidpointRounding.AwayFromZero);
        return rounded.ToString(Plain, CultureInfo.InvariantCulture);
    }

    public static string Format(double? value) => value is { } v ? Format(v) : "-";
}
