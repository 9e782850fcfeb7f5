// Expected validation performance (Dodge et al., "Show Your Work", EMNLP 2019): the expected best metric of n trials
// drawn with replacement from the finished trials, n = 1 … N, with its standard deviation. It does not model the search
// (later trials of a smarter searcher count as exchangeable with its first) or extrapolate beyond the values seen.
using SweepCluster.Core;

namespace SweepCluster.Reporting.Analysis;

/// <summary>The expected best of n trials, from the empirical distribution of the finished trials' metric.</summary>
public static class ExpectedBest
{
    /// <summary>A curve has at most this many points; longer ones are thinned to log-spaced trial counts.</summary>
    public const int MaxPoints = 200;

    /// <summary>
    /// Runs are summed from the best down until (b/N)ⁿ, the probability that the best of n draws is no better than run
    /// b, falls below e⁻⁴⁶ ≈ 1e-20: together the runs below carry less than that, far under double precision.
    /// </summary>
    private const double LogNegligibleProbability = -46.0;

    /// <summary>
    /// With the N finite values sorted best last (ascending to maximise, descending to minimise) as v_(1) … v_(N), the
    /// best of n draws is v_(i) with probability (i/N)ⁿ − ((i − 1)/N)ⁿ, so E = Σ_i v_(i)·((i/N)ⁿ − ((i − 1)/N)ⁿ) and
    /// the variance is E[best²] − E², computed as Σ_i P_i·(v_(i) − E)² (the same quantity without cancellation). Tied
    /// values are one term: a run of values from rank a to b weighs (b/N)ⁿ − ((a − 1)/N)ⁿ; powers are exp(n·ln(i/N)),
    /// and runs whose (b/N)ⁿ is below e⁻⁴⁶ are left out (less than 1e-20 of probability between them).
    /// Trial counts: every n from 1 to <paramref name="maxTrials"/> when that is at most <see cref="MaxPoints"/>;
    /// otherwise round(exp(k·ln(maxTrials)/(MaxPoints − 1))) for k = 0 … MaxPoints − 1, duplicates dropped, so 1
    /// and maxTrials are always there and the points are even on a log axis.
    /// </summary>
    /// <param name="values">values: (trials); non-finite ones are skipped.</param>
    /// <param name="goal">Whether the best is the largest or the smallest value.</param>
    /// <param name="maxTrials">The last trial count on the curve; default N. It may exceed N: the expectation is still
    /// that of n draws with replacement, approaching the best value seen.</param>
    /// <returns>An empty curve when no value is finite.</returns>
    public static ExpectedBestCurve Curve(IReadOnlyList<double> values, MetricGoal goal, int? maxTrials = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (maxTrials is { } requested) ArgumentOutOfRangeException.ThrowIfLessThan(requested, 1, nameof(maxTrials));

        var sorted = values.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0) return new ExpectedBestCurve([], 0);
        Array.Sort(sorted);
        if (goal == MetricGoal.Minimize) Array.Reverse(sorted);

        var (distinct, lastRank) = Runs(sorted);
        var count = sorted.Length;
        // logShare: (runs); ln(b/N) for the run's last rank b, so (b/N)ⁿ = exp(n·logShare). power: (runs), scratch.
        var logShare = lastRank.Select(rank => Math.Log(rank / (double)count)).ToArray();
        var power = new double[distinct.Length];
        var points = TrialCounts(maxTrials ?? count).Select(n => PointAt(n, distinct, logShare, power)).ToArray();
        return new ExpectedBestCurve(points, count);
    }

    /// <summary>
    /// The trial counts the curve is computed at, ascending: every n up to <paramref name="maxTrials"/> when that is at
    /// most <see cref="MaxPoints"/>, else log-spaced as <see cref="Curve"/> says.
    /// </summary>
    public static IReadOnlyList<int> TrialCounts(int maxTrials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrials, 1);
        if (maxTrials <= MaxPoints) return Enumerable.Range(1, maxTrials).ToArray();

        var logStep = Math.Log(maxTrials) / (MaxPoints - 1);
        var counts = new SortedSet<int> { 1, maxTrials };
        for (var k = 0; k < MaxPoints; k++)
            counts.Add(Math.Clamp((int)Math.Round(Math.Exp(k * logStep)), 1, maxTrials));
        return [.. counts];
    }

    /// <summary>
    /// distinct: (runs); each run of equal values in best-last order. lastRank: (runs); the 1-based rank of its last value.
    /// </summary>
    private static (double[] Distinct, int[] LastRank) Runs(double[] sorted)
    {
        var distinct = new List<double>();
        var lastRank = new List<int>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i]) continue;
            distinct.Add(sorted[i]);
            lastRank.Add(i + 1);
        }

        return ([.. distinct], [.. lastRank]);
    }

    /// <summary>The expected best of <paramref name="n"/> draws and its standard deviation.</summary>
    private static ExpectedBestPoint PointAt(int n, double[] distinct, double[] logShare, double[] power)
    {
        // power[k] = P(the best of n draws is at most run k's value) = (b/N)ⁿ, from the best run down until it is
        // negligible; the runs from `first` on are all that count.
        var first = distinct.Length;
        while (first > 0 && n * logShare[first - 1] >= LogNegligibleProbability)
        {
            first--;
            power[first] = Math.Exp(n * logShare[first]);
        }

        var expected = 0.0;
        for (var k = first; k < distinct.Length; k++) expected += Probability(power, first, k) * distinct[k];
        var variance = 0.0;
        for (var k = first; k < distinct.Length; k++)
            variance += Probability(power, first, k) * (distinct[k] - expected) * (distinct[k] - expected);
        return new ExpectedBestPoint(n, expected, Math.Sqrt(variance));
    }

    /// <summary>P(the best of n draws is run k's value) = (b/N)ⁿ − ((a − 1)/N)ⁿ.</summary>
    private static double Probability(double[] power, int first, int k) => power[k] - (k > first ? power[k - 1] : 0.0);
}
