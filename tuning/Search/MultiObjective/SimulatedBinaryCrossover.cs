// Simulated binary crossover (Deb & Agrawal 1995) of one number: the spread factor β of two parents x1, x2 is drawn so
// that children sit around the parents with density set by the distribution index η_c; one of the two children is
// returned and clipped to the bounds. Works on whatever scale it is given (the sampler passes the logarithm for a log
// dimension). It does not round or know about dimensions.
namespace SweepCluster.Tuning.Search.MultiObjective;

internal static class SimulatedBinaryCrossover
{
    /// <summary>A child of <paramref name="x1"/> and <paramref name="x2"/> in [low, high].</summary>
    /// <param name="u">Uniform in [0, 1): sets the spread β.</param>
    /// <param name="side">Uniform in [0, 1): below ½ the child nearer x1, otherwise the one nearer x2.</param>
    public static double Child(double x1, double x2, double low, double high, double distributionIndex, double u, double side)
    {
        var beta = u <= 0.5
            ? Math.Pow(2 * u, 1 / (distributionIndex + 1))
            : Math.Pow(1 / (2 * (1 - u)), 1 / (distributionIndex + 1));
        var mean = (x1 + x2) / 2;
        var half = beta * (x1 - x2) / 2;
        var child = side < 0.5 ? mean + half : mean - half;
        return Math.Clamp(child, low, high);
    }
}
