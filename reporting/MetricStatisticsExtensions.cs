// Computes a MetricStatistics (core's report record) from a handful of metric values: mean, sample standard deviation
// and the Student-t confidence interval, clipped to the metric's range. It does not decide which values count: callers
// pass finite values only.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

public static class MetricStatisticsExtensions
{
    extension(MetricStatistics)
    {
        /// <summary>Statistics of <paramref name="values"/>; null when there are none. The interval is clipped to
        /// <paramref name="range"/> (unbounded when null): with two seeds, t = 12.7 makes it far wider than the values.</summary>
        public static MetricStatistics? Of(IReadOnlyCollection<double> values, MetricRange? range = null)
        {
            range ??= MetricRange.Unbounded;
            if (values.Count == 0) return null;
            var n = values.Count;
            var mean = values.Average();
            if (n == 1) return new MetricStatistics(n, mean, null, null, null);

            var sumOfSquares = values.Sum(v => (v - mean) * (v - mean));
            var stdDev = Math.Sqrt(sumOfSquares / (n - 1));
            var upperTail = 1.0 - (1.0 - MetricStatistics.ConfidenceLevel) / 2.0;
            var halfWidth = StudentT.Quantile(upperTail, n - 1) * stdDev / Math.Sqrt(n);
            return new MetricStatistics(n, mean, stdDev, range.Clip(mean - halfWidth), range.Clip(mean + halfWidth));
        }
    }
}
