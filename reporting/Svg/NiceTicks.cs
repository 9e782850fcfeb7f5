// The axis tick algorithm: round tick steps of 1, 2 or 5 × 10^k that cover a data range with about a target number of
// intervals, and tick labels with just enough decimals. It does not map values to pixels (LinearScale does).
using System.Globalization;

namespace SweepCluster.Reporting.Svg;

/// <summary>The ticks of one axis: the axis runs from <see cref="Min"/> to <see cref="Max"/>, both ticks.</summary>
/// <param name="Step">The distance between ticks, 1, 2 or 5 × 10^k.</param>
/// <param name="Values">Every tick, ascending, from Min to Max.</param>
public sealed record AxisTicks(double Min, double Max, double Step, IReadOnlyList<double> Values)
{
    /// <summary>The label of a tick value.</summary>
    public string Label(double value) => NiceTicks.Format(value, Step);
}

/// <summary>Chooses "nice" axis ticks.</summary>
public static class NiceTicks
{
    /// <summary>About how many intervals an axis gets.</summary>
    public const int DefaultIntervals = 5;

    /// <summary>Tick labels switch to scientific notation for steps below this…</summary>
    private const double SmallestPlainStep = 1e-3;

    /// <summary>…and at or above this.</summary>
    private const double LargestPlainStep = 1e6;

    /// <summary>Relative slack so that values a rounding error past a tick do not add another tick.</summary>
    private const double RoundingSlack = 1e-9;

    /// <summary>When all data are equal, the axis spans this fraction of the value either side (or ±1 around 0).</summary>
    private const double FlatRangePadding = 0.1;

    private static readonly double[] Mantissas = [1, 2, 5, 10];

    /// <summary>The smallest 1, 2 or 5 × 10^k that is at least <paramref name="roughStep"/> (&gt; 0).</summary>
    public static double NiceStep(double roughStep)
    {
        if (!(roughStep > 0) || !double.IsFinite(roughStep))
            throw new ArgumentOutOfRangeException(nameof(roughStep), roughStep, "expected a positive finite step");
        var power = Math.Pow(10, Math.Floor(Math.Log10(roughStep)));
        var fraction = roughStep / power;
        var mantissa = Mantissas.First(m => m >= fraction * (1 - RoundingSlack));
        return mantissa * power;
    }

    /// <summary>Ticks covering [<paramref name="min"/>, <paramref name="max"/>] in about <paramref name="intervals"/>
    /// steps, the step never below <paramref name="minimumStep"/> (e.g. 1 for epochs; 0 for no minimum).</summary>
    public static AxisTicks For(double min, double max, int intervals = DefaultIntervals, double minimumStep = 0)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentException("the range must be finite");
        ArgumentOutOfRangeException.ThrowIfLessThan(intervals, 1);
        if (min > max) (min, max) = (max, min);
        if (min == max)
        {
            var padding = min == 0 ? 1 : Math.Abs(min) * FlatRangePadding;
            (min, max) = (min - padding, max + padding);
        }

        var step = Math.Max(NiceStep((max - min) / intervals), minimumStep);
        var first = (long)Math.Floor(min / step + RoundingSlack);
        var last = (long)Math.Ceiling(max / step - RoundingSlack);
        var values = new List<double>();
        for (var k = first; k <= last; k++) values.Add(Clean(k * step, step));
        return new AxisTicks(values[0], values[^1], step, values);
    }

    /// <summary>The ticks cut to <paramref name="range"/>: an accuracy axis ends at 1, not at the next tick past it. The
    /// axis then ends at the range's bound, which becomes a tick. Unchanged when the cut would leave no span.</summary>
    public static AxisTicks Within(AxisTicks ticks, MetricRange range)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(range);
        var (min, max) = (range.Clip(ticks.Min), range.Clip(ticks.Max));
        if (!(min < max) || (min == ticks.Min && max == ticks.Max)) return ticks;
        var inside = ticks.Values.Where(v => v > min && v < max);
        return new AxisTicks(min, max, ticks.Step, [min, .. inside, max]);
    }

    /// <summary>A tick label: fixed decimals enough for <paramref name="step"/>, or "2.5e-4" style for tiny or huge steps.</summary>
    public static string Format(double value, double step)
    {
        if (value == 0) return "0";
        if (step < SmallestPlainStep || step >= LargestPlainStep) return value.ToString("0.##e-0", CultureInfo.InvariantCulture);
        return value.ToString("F" + DecimalsOf(step), CultureInfo.InvariantCulture);
    }

    /// <summary>Decimals needed to write multiples of <paramref name="step"/> exactly (its mantissa is an integer).</summary>
    private static int DecimalsOf(double step) => Math.Max(0, -(int)Math.Floor(Math.Log10(step) + RoundingSlack));

    /// <summary>Removes binary noise such as 0.30000000000000004 from k·step.</summary>
    private static double Clean(double value, double step)
    {
        const int MaxRoundingDigits = 15;
        var digits = DecimalsOf(step);
        return digits <= MaxRoundingDigits ? Math.Round(value, digits) : value;
    }
}
