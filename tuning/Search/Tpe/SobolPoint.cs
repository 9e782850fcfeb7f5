// Maps one point of the scrambled Sobol sequence onto a space's dimensions: dimension i of the space (file order,
// conditional ones included, so a dimension keeps its coordinate whatever the choices) takes coordinate i; a
// categorical one the alternative ⌊u·n⌋, an integer one low + ⌊u·(high − low + 1)⌋, a real one low + u·(high − low)
// (in the logarithm for a log one). Dimensions past the direction-number table take uniform random numbers from the
// suggestion's own stream. It does not decide when startup ends (TpeSampler).
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>A Sobol point as draws for a space.</summary>
internal static class SobolPoint
{
    /// <summary>The stream of the search seed that scrambles the sequence ("SOBOLSCR").</summary>
    private const ulong ScrambleStream = 0x53_4F_42_4F_4C_53_43_52UL;

    /// <summary>The draw of each dimension at point <paramref name="index"/> of the sequence scrambled by <paramref name="searchSeed"/>.</summary>
    public static Func<SpaceDimension, double> Draws(IReadOnlyList<SpaceDimension> dimensions, long searchSeed, int index, DeterministicRandom overflow)
    {
        var covered = Math.Min(dimensions.Count, SobolSequence.MaxDimensions);
        var point = SobolSequence.Scrambled(covered, DeterministicRandom.ForStream(searchSeed, ScrambleStream)).Point(index);
        var position = dimensions.Select((dimension, i) => (dimension.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        return dimension =>
        {
            var i = position[dimension.Key];
            return Scale(dimension, i < covered ? point[i] : overflow.NextDouble());
        };
    }

    /// <summary>The value of <paramref name="dimension"/> at unit coordinate <paramref name="u"/> ∈ [0, 1).</summary>
    public static double Scale(SpaceDimension dimension, double u) => dimension.Kind switch
    {
        SpaceDimensionKind.Categorical => Math.Min((int)(u * dimension.Alternatives), dimension.Alternatives - 1),
        SpaceDimensionKind.Integer => dimension.Low + Math.Min(Math.Floor(u * (dimension.High - dimension.Low + 1)), dimension.High - dimension.Low),
        _ => TpeScale.FromInternal(dimension, TpeScale.Low(dimension) + u * (TpeScale.High(dimension) - TpeScale.Low(dimension))),
    };
}
