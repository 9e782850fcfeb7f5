// Decides whether a combination is statistically tied with the top-ranked one: Welch's two-sided t-test of equal means
// at the 5 % level over the two combinations' seeds. It only compares two MetricStatistics; the ranking builder marks
// the rows and the renderers show the marks.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>
/// The rule for <see cref="VersusTop"/>: a combination is <see cref="VersusTop.Tied"/> with the top combination when
/// Welch's two-sided t-test does not reject equal means at <see cref="SignificanceLevel"/>, that is when
/// |m₁ − m₂| / √(s₁²/n₁ + s₂²/n₂) is below the t quantile 1 − α/2 with the Welch–Satterthwaite degrees of freedom,
/// rounded down (the more cautious side). Both need at least two seeds with a metric, otherwise
/// <see cref="VersusTop.NotTested"/>. Two combinations whose seeds all agree exactly (both deviations 0) are tied only
/// when their means are equal.
/// </summary>
public static class TieWithTop
{
    /// <summary>The test's level α: a tie means the difference is not significant at 5 %.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>The fewest seeds with a metric a side needs for the test (a standard deviation needs two).</summary>
    public const int MinSeeds = 2;

    /// <summary>How <paramref name="candidate"/> compares with <paramref name="top"/> (the rank-1 combination's statistics).</summary>
    public static VersusTop Compare(MetricStatistics? top, MetricStatistics? candidate)
    {
        if (top is not { Count: >= MinSeeds, StdDev: { } topStd } || candidate is not { Count: >= MinSeeds, StdDev: { } std })
            return VersusTop.NotTested;

        var topVariance = topStd * topStd / top.Count;
        var variance = std * std / candidate.Count;
        var standardError = Math.Sqrt(topVariance + variance);
        var difference = Math.Abs(top.Mean - candidate.Mean);
        if (standardError == 0) return difference == 0 ? VersusTop.Tied : VersusTop.Worse;

        var t = difference / standardError;
        var critical = StudentT.Quantile(1.0 - SignificanceLevel / 2.0, WelchDegreesOfFreedom(topVariance, top.Count, variance, candidate.Count));
        return t < critical ? VersusTop.Tied : VersusTop.Worse;
    }

    /// <summary>Welch–Satterthwaite: (v₁ + v₂)² / (v₁²/(n₁−1) + v₂²/(n₂−1)) with vᵢ = sᵢ²/nᵢ, rounded down, at least 1.</summary>
    internal static int WelchDegreesOfFreedom(double variance1, int n1, double variance2, int n2)
    {
        var numerator = (variance1 + variance2) * (variance1 + variance2);
        var denominator = variance1 * variance1 / (n1 - 1) + variance2 * variance2 / (n2 - 1);
        return Math.Max(1, (int)Math.Floor(numerator / denominator));
    }
}
