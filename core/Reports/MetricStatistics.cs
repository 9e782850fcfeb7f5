// Mean, sample standard deviation and Student-t confidence interval of a handful of metric values (a combination's
// seeds, a schedule family's trials), as the report holds them. Computing them is reporting's job (MetricStatistics.Of).
using System.Text.Json.Serialization;

namespace SweepCluster.Core.Reports;

/// <summary>Summary statistics of metric values.</summary>
/// <param name="Count">How many values (n).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StdDev">Sample standard deviation (divisor n − 1); null when n = 1.</param>
/// <param name="CiLow">Lower end of the <see cref="ConfidenceLevel"/> interval of the mean, mean − t·s/√n with t the
/// Student-t quantile for n − 1 degrees of freedom, clipped to the metric's range (an accuracy's interval never goes
/// below 0); null when n = 1.</param>
/// <param name="CiHigh">Upper end of the same interval, clipped the same way; null when n = 1.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.MetricStatistics")]
public sealed record MetricStatistics(
    [property: Id(0)] int Count,
    [property: Id(1)] double Mean,
    [property: Id(2)] double? StdDev,
    [property: Id(3)] double? CiLow,
    [property: Id(4)] double? CiHigh)
{
    /// <summary>The two-sided confidence level of <see cref="CiLow"/>..<see cref="CiHigh"/>.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>The interval's upper half width (t·s/√n unless clipped); null when n = 1.</summary>
    [JsonIgnore]
    public double? CiHalfWidth => CiHigh - Mean;
}
