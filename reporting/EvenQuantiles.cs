// Thins a long list of values to a few that keep its distribution's shape: evenly spaced order statistics, the
// smallest and the largest included. It does not interpolate between values (every value returned is one given).
namespace SweepCluster.Reporting;

/// <summary>Evenly spaced quantiles of a list of values.</summary>
internal static class EvenQuantiles
{
    /// <summary>
    /// <paramref name="count"/> values of <paramref name="values"/>, smallest first: the order statistics at ranks
    /// round(k·(n − 1)/(count − 1)) for k = 0 … count − 1. Throws when count is under 2 or over n.
    /// </summary>
    public static double[] Of(IReadOnlyCollection<double> values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, ReportLimits.MinPlottedValues);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, values.Count);
        var sorted = values.Order().ToArray();
        var step = (sorted.Length - 1) / (double)(count - 1);
        return Enumerable.Range(0, count).Select(k => sorted[(int)Math.Round(k * step)]).ToArray();
    }
}
