// The standard normal distribution's functions that the Parzen estimator needs, accurate to about 1e-14 relative
// over the range it uses (|z| up to a few hundred): the density, the CDF Φ and its logarithm (log Φ stays finite
// far into the lower tail, where Φ itself underflows), the log of a CDF difference, and the inverse CDF. .NET has
// no erf, so erfc is computed here: the reference (a series without cancellation below ½, Lentz's continued fraction
// above) fills a table of erfcx = exp(x²)·erfc(x), and the fast path expands erfcx in a Taylor series about the nearest
// node; tests compare the two.
// It does not know about truncation or mixtures (TruncatedNormal, ParzenEstimator).
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Functions of the standard normal distribution.</summary>
internal static class StandardNormal
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double LogSqrt2Pi = 0.91893853320467274;
    private const double InverseSqrtPi = 0.56418958354775628;

    /// <summary>Above this upper end (both ends in the lower tail, or straddling 0) Φ(u) − Φ(l) is taken directly: each
    /// CDF has full relative precision there and is far from underflow.</summary>
    private const double DirectDifferenceLimit = -30.0;

    /// <summary>The reference erfcx uses the erf series below this and the continued fraction above.</summary>
    private const double ContinuedFractionFrom = 0.5;

    /// <summary>erfcx is tabulated on [0, 27] (beyond, erfc is below 1e-318 and the reference is used).</summary>
    private const double TableEnd = 27.0;

    /// <summary>Table nodes per unit of x: |x − node| ≤ 1/128.</summary>
    private const int NodesPerUnit = 64;

    /// <summary>Taylor terms about a node: (1/128)^10 is far below double precision.</summary>
    private const int TaylorTerms = 10;

    /// <summary>Below this z, log Φ(z) is taken from its asymptotic series (Φ underflows near −38).</summary>
    private const double AsymptoticTail = -20.0;

    private const double Precision = 1e-17;
    private const int MaxTerms = 2000;

    private static readonly double[] ScaledErfcTable = BuildTable();

    /// <summary>log φ(z) = −z²/2 − log √(2π).</summary>
    public static double LogDensity(double z) => -0.5 * z * z - LogSqrt2Pi;

    /// <summary>Φ(z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>log Φ(z), finite for any finite z.</summary>
    public static double LogCdf(double z)
    {
        if (z > AsymptoticTail) return z > 0 ? LogOnePlus(-0.5 * Erfc(z / Sqrt2)) : Math.Log(Cdf(z));
        // Φ(z) = φ(z)/(−z) · (1 − 1/z² + 3/z⁴ − 15/z⁶ + 105/z⁸ − …) for z → −∞.
        var inverseSquare = 1.0 / (z * z);
        var series = 1.0 + inverseSquare * (-1.0 + inverseSquare * (3.0 + inverseSquare * (-15.0 + inverseSquare * 105.0)));
        return LogDensity(z) - Math.Log(-z) + Math.Log(series);
    }

    /// <summary>log(Φ(upper) − Φ(lower)) for lower &lt; upper, computed in log space far in a tail where Φ underflows.</summary>
    public static double LogCdfDifference(double lower, double upper)
    {
        if (lower >= 0) return LogCdfDifference(-upper, -lower); // Φ(u) − Φ(l) = Φ(−l) − Φ(−u): work in the lower tail.
        if (upper <= DirectDifferenceLimit)
        {
            var logUpper = LogCdf(upper);
            return logUpper + Math.Log(-ExpMinusOne(LogCdf(lower) - logUpper));
        }
        return Math.Log(Cdf(upper) - Cdf(lower));
    }

    /// <summary>Φ⁻¹(p) for 0 &lt; p &lt; 1.</summary>
    public static double InverseCdf(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability strictly between 0 and 1");
        return p > 0.5 ? -InverseLowerTail(1 - p) : InverseLowerTail(p);
    }

    /// <summary>Φ⁻¹(p) for p ≤ ½: Abramowitz and Stegun 26.2.23 (error below 4.5e-4) as the start, then Newton's method
    /// on log Φ(x) = log p, which converges quadratically and stays accurate in the far tail.</summary>
    private static double InverseLowerTail(double p)
    {
        var t = Math.Sqrt(-2.0 * Math.Log(p));
        var x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
        var logP = Math.Log(p);
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var logCdf = LogCdf(x);
            var step = (logCdf - logP) / Math.Exp(LogDensity(x) - logCdf); // f / f′ with f = log Φ(x) − log p
            x -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1.0, Math.Abs(x))) break;
        }
        return x;
    }

    /// <summary>log(1 + x), accurate for tiny x (Kahan's trick; .NET's double.LogP1 is log(x + 1) as written).</summary>
    private static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) − 1, accurate for tiny x (Kahan's trick).</summary>
    private static double ExpMinusOne(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0) return x;
        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>erfc(x) = 1 − erf(x): exp(−x²) · erfcx(x), erfcx from a table at spacing 1/64 and its Taylor series
    /// about the nearest node (the coefficients follow from erfcx′ = 2x · erfcx − 2/√π, so only the node value is stored).</summary>
    public static double Erfc(double x)
    {
        if (x < 0) return 2.0 - Erfc(-x);
        if (x >= TableEnd) return ErfcReference(x);
        var node = (int)Math.Round(x * NodesPerUnit);
        var x0 = node / (double)NodesPerUnit;
        var dx = x - x0;
        // a_n = erfcx⁽ⁿ⁾(x0)/n!: a_0 from the table, a_1 = 2x0·a_0 − 2/√π, a_(n+1) = (2x0·a_n + 2a_(n−1)) / (n + 1).
        var previous = ScaledErfcTable[node];
        var current = 2.0 * x0 * previous - 2.0 * InverseSqrtPi;
        var sum = previous + current * dx;
        var power = dx;
        for (var n = 1; n < TaylorTerms; n++)
        {
            var next = (2.0 * x0 * current + 2.0 * previous) / (n + 1);
            power *= dx;
            sum += next * power;
            (previous, current) = (current, next);
        }
        return Math.Exp(-x * x) * sum;
    }

    /// <summary>The reference erfc the table is built from (and checked against): exp(−x²) · <see cref="ScaledErfcReference"/>.</summary>
    internal static double ErfcReference(double x) => x < 0 ? 2.0 - ErfcReference(-x) : Math.Exp(-x * x) * ScaledErfcReference(x);

    /// <summary>erfcx(x) = exp(x²) · erfc(x) for x ≥ 0: below ½ from the erf series, above from the continued fraction
    /// (both about 1e-15 relative there).</summary>
    private static double ScaledErfcReference(double x) =>
        x < ContinuedFractionFrom ? Math.Exp(x * x) * (1.0 - ErfSeries(x)) : InverseSqrtPi / ContinuedFraction(x);

    private static double[] BuildTable()
    {
        var table = new double[(int)(TableEnd * NodesPerUnit) + 1];
        for (var i = 0; i < table.Length; i++) table[i] = ScaledErfcReference(i / (double)NodesPerUnit);
        return table;
    }

    /// <summary>erf(x) = 2/√π · exp(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): every term positive, no cancellation.</summary>
    private static double ErfSeries(double x)
    {
        var term = x;
        var sum = x;
        for (var n = 1; n < MaxTerms && term > Precision * sum; n++)
        {
            term *= 2.0 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2.0 * InverseSqrtPi * Math.Exp(-x * x) * sum;
    }

    /// <summary>x + (1/2)/(x + 1/(x + (3/2)/(x + …))) = 1/(√π · erfcx(x)), by the modified Lentz method.</summary>
    private static double ContinuedFraction(double x)
    {
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < MaxTerms; n++)
        {
            var a = 0.5 * n;
            d = x + a * d;
            d = 1.0 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = x + a / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < Precision) break;
        }
        return f;
    }
}
