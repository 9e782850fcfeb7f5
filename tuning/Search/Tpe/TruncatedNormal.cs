// A normal distribution truncated to [low, high], continuous or discretised on a grid of `step` (an integer
// dimension: the mass of a grid point is that of its cell [x − step/2, x + step/2]), as the Parzen estimator's
// numerical kernels use it (Optuna's _truncnorm and _BatchedDiscreteTruncNormDistributions). Sampling inverts the
// CDF, so one uniform number gives one draw. It does not mix kernels or choose bandwidths.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>One truncated-normal kernel.</summary>
/// <param name="Mu">Centre.</param>
/// <param name="Sigma">Bandwidth (&gt; 0).</param>
/// <param name="Low">Lower bound of the values (a discrete kernel: the lowest grid point).</param>
/// <param name="High">Upper bound of the values (a discrete kernel: the highest grid point).</param>
/// <param name="Step">The grid spacing of a discrete kernel; 0 for a continuous one.</param>
internal readonly record struct TruncatedNormal(double Mu, double Sigma, double Low, double High, double Step)
{
    /// <summary>The truncation interval: the bounds, widened by half a cell for a discrete kernel.</summary>
    private (double Lower, double Upper) Standardised() =>
        ((Low - Step / 2 - Mu) / Sigma, (High + Step / 2 - Mu) / Sigma);

    /// <summary>log of the probability mass inside the truncation interval.</summary>
    public double LogMass()
    {
        var (lower, upper) = Standardised();
        return StandardNormal.LogCdfDifference(lower, upper);
    }

    /// <summary>log density at <paramref name="x"/> (a discrete kernel: log probability of grid point x), given
    /// <paramref name="logMass"/> = <see cref="LogMass"/> (passed in so a caller evaluating many points computes it once).</summary>
    public double LogDensity(double x, double logMass)
    {
        if (Step == 0) return StandardNormal.LogDensity((x - Mu) / Sigma) - Math.Log(Sigma) - logMass;
        var half = Step / 2;
        return StandardNormal.LogCdfDifference((x - half - Mu) / Sigma, (x + half - Mu) / Sigma) - logMass;
    }

    /// <summary>The value at quantile <paramref name="uniform"/> ∈ [0, 1) of the truncated kernel (a discrete kernel:
    /// rounded to its grid and kept within the bounds).</summary>
    public double Quantile(double uniform)
    {
        var (lower, upper) = Standardised();
        var z = lower >= 0 ? -UpperQuantile(-upper, -lower, uniform) : UpperQuantile(lower, upper, 1 - uniform);
        var x = Math.Clamp(Mu + Sigma * z, Low - Step / 2, High + Step / 2);
        if (Step == 0) return Math.Clamp(x, Low, High);
        return Math.Clamp(Low + Math.Round((x - Low) / Step) * Step, Low, High);
    }

    /// <summary>The standard-normal quantile 1 − <paramref name="fromTop"/> of the normal truncated to [lower, upper]
    /// with lower &lt; 0, computed from whichever tail keeps its precision.</summary>
    private static double UpperQuantile(double lower, double upper, double fromTop)
    {
        var cdfLower = StandardNormal.Cdf(lower);
        var mass = StandardNormal.Cdf(upper) - cdfLower;
        var p = cdfLower + (1 - fromTop) * mass;
        if (p <= 0.5) return StandardNormal.InverseCdf(Math.Max(p, double.Epsilon));
        var q = StandardNormal.Cdf(-upper) + fromTop * mass; // 1 − p without cancellation
        return -StandardNormal.InverseCdf(Math.Clamp(q, double.Epsilon, 0.5));
    }
}
