// Mean, sample standard deviation and Student-t confidence interval of a handful of metric values (a combination's
// seeds, a schedule family's trials). It does not decide which values count: callers pass finite values only.
using System.Text.Json.Serialization;

namespace SweepCluster.Reporting;

/// <summary>Summary statistics of metric values.</summary>
/// <param name="Count">How many values (n).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StdDev">Sample standard deviation (divisor n − 1); null when n = 1.</param>
/// <param name="CiLow">Lower end of the <see cref="ConfidenceLevel"/> interval of the mean, mean − t·s/√n with t the
/// Student-t quantile for n − 1 degrees of freedom; null when n = 1.</param>
/// <param name="CiHigh">Upper end of the same interval; null when n = 1.</param>
public sealed record MetricStatistics(int Count, double Mean, double? StdDev, double? CiLow, double? CiHigh)
{
    /// <summary>The two-sided confidence level of <see cref="CiLow"/>..<see cref="CiHigh"/>.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>Half the interval's width (t·s/√n); null when n = 1.</summary>
    [JsonIgnore]
    public double? CiHalfWidth => CiHigh - Mean;

    /// <summary>Statistics of <paramref name="values"/>; null when there are none.</summary>
    public static MetricStatistics? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return null;
        var n = values.Count;
        var mean = values.Average();
        if (n == 1) return new MetricStatistics(n, mean, null, null, null);

        var sumOfSquares = values.Sum(v => (v - mean) * (v - mean));
        var stdDev = Math.Sqrt(sumOfSquares / (n - 1));
        var upperTail = 1.0 - (1.0 - ConfidenceLevel) / 2.0;
        var halfWidth = StudentT.Quantile(upperTail, n - 1) * stdDev / Math.Sqrt(n);
        return new MetricStatistics(n, mean, stdDev, mean - halfWidth, mean + halfWidth);
    }
}
