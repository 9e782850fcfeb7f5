// The bandwidths of a numerical dimension's kernels, Optuna's default rules (optuna/samplers/_tpe/parzen_estimator.py,
// _calculate_numerical_distributions): univariate, each observation's bandwidth is the larger gap to its neighbours
// among the sorted observations plus the prior's centre, with the bounds as outer neighbours (and the outermost two
// taking their inner gap, as consider_endpoints=False does); multivariate, Scott's-rule-like 0.2 · n^(−1/(d+4)) ·
// range for every kernel. Then the "magic clip" keeps every bandwidth within [range / min(100, 1 + kernels), range].
// The prior kernel (centre of the range, bandwidth = range) is appended by the caller. It does not build kernels.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Kernel bandwidths for one numerical dimension.</summary>
internal static class ParzenBandwidth
{
    /// <summary>The multivariate rule's magnitude (Optuna's SIGMA0_MAGNITUDE).</summary>
    private const double MultivariateMagnitude = 0.2;

    /// <summary>The magic clip's largest divisor of the range: no bandwidth below range / 100.</summary>
    private const double MagicClipMaxDivisor = 100.0;

    /// <summary>The bandwidths of kernels centred on <paramref name="mus"/> over [low, high] (a discrete dimension's
    /// range is widened by one <paramref name="step"/>), for a group of <paramref name="groupSize"/> dimensions.</summary>
    /// <param name="priorKernels">1 when a prior kernel is added (it counts in the magic clip), else 0.</param>
    public static double[] Of(ReadOnlySpan<double> mus, double low, double high, double step, bool multivariate, int groupSize, int priorKernels)
    {
        var range = high - low + step;
        var sigmas = multivariate ? Multivariate(mus.Length, range, groupSize) : Univariate(mus, low, high, step);
        var minimum = range / Math.Min(MagicClipMaxDivisor, 1.0 + mus.Length + priorKernels);
        for (var i = 0; i < sigmas.Length; i++) sigmas[i] = Math.Clamp(sigmas[i], minimum, range);
        return sigmas;
    }

    private static double[] Multivariate(int observations, double range, int groupSize)
    {
        var sigma = MultivariateMagnitude * Math.Pow(Math.Max(observations, 1), -1.0 / (groupSize + 4)) * range;
        return Enumerable.Repeat(sigma, observations).ToArray();
    }

    private static double[] Univariate(ReadOnlySpan<double> mus, double low, double high, double step)
    {
        // The observations plus the prior's centre, sorted (stably), between the two bounds.
        var count = mus.Length + 1;
        var centres = new double[count];
        mus.CopyTo(centres);
        centres[^1] = 0.5 * (low + high);
        var order = Enumerable.Range(0, count).OrderBy(i => centres[i]).ToArray();
        var points = new double[count + 2];
        points[0] = low - step / 2;
        for (var i = 0; i < count; i++) points[i + 1] = centres[order[i]];
        points[^1] = high + step / 2;

        var sorted = new double[count];
        for (var i = 0; i < count; i++) sorted[i] = Math.Max(points[i + 1] - points[i], points[i + 2] - points[i + 1]);
        if (points.Length >= 4)
        {
            sorted[0] = points[2] - points[1];
            sorted[^1] = points[^2] - points[^3];
        }
        var sigmas = new double[mus.Length];
        for (var i = 0; i < count; i++)
        {
            if (order[i] < mus.Length) sigmas[order[i]] = sorted[i];
        }
        return sigmas;
    }
}
