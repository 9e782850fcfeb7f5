// Quantiles of Student's t distribution for integer degrees of freedom, computed exactly (to double precision) by
// inverting the closed-form finite series of the two-sided CDF (Abramowitz & Stegun 26.7.3–26.7.4) by bisection.
// It does not handle non-integer degrees of freedom or one-sided tail areas below 0.5.
namespace SweepCluster.Reporting;

/// <summary>Student's t distribution with integer degrees of freedom.</summary>
public static class StudentT
{
    /// <summary>Bisection stops when the bracket is this narrow relative to its upper end.</summary>
    private const double RelativeTolerance = 1e-15;

    /// <summary>Bisection never runs longer than this (far more than the ~55 halvings double precision needs).</summary>
    private const int MaxBisections = 200;

    /// <summary>P(|T| ≤ <paramref name="t"/>) for T with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double TwoSidedCdf(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(t)) return double.NaN;
        t = Math.Abs(t);
        if (double.IsPositiveInfinity(t)) return 1.0;

        var theta = Math.Atan(t / Math.Sqrt(degreesOfFreedom));
        var cos = Math.Cos(theta);
        var sin = Math.Sin(theta);
        var cosSquared = cos * cos;

        if (degreesOfFreedom % 2 == 1)
        {
            // (2/π)·[θ + sinθ·(cosθ + (2/3)cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))·cos^(ν−2)θ)]
            var sum = 0.0;
            if (degreesOfFreedom > 1)
            {
                var term = cos;
                sum = term;
                for (var k = 3; k <= degreesOfFreedom - 2; k += 2)
                {
                    term *= cosSquared * (k - 1) / k;
                    sum += term;
                }
            }
            return 2.0 / Math.PI * (theta + sin * sum);
        }
        else
        {
            // sinθ·[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))·cos^(ν−2)θ]
            var term = 1.0;
            var sum = term;
            for (var k = 2; k <= degreesOfFreedom - 2; k += 2)
            {
                term *= cosSquared * (k - 1) / k;
                sum += term;
            }
            return sin * sum;
        }
    }

    /// <summary>The <paramref name="probability"/> quantile (0.5 ≤ p &lt; 1), e.g. 0.975 with 2 degrees of freedom → 4.302653.</summary>
    public static double Quantile(double probability, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(probability >= 0.5 && probability < 1.0))
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "expected 0.5 ≤ p < 1");

        var centralMass = 2.0 * probability - 1.0;
        var low = 0.0;
        var high = 1.0;
        while (TwoSidedCdf(high, degreesOfFreedom) < centralMass) high *= 2.0;

        for (var i = 0; i < MaxBisections && high - low > RelativeTolerance * high; i++)
        {
            var middle = 0.5 * (low + high);
            if (TwoSidedCdf(middle, degreesOfFreedom) < centralMass) low = middle;
            else high = middle;
        }
        return 0.5 * (low + high);
    }
}
