// Random search's draw source: a choice picks an alternative uniformly, `int` uniformly over [low, high], `uniform`
// in [low, high), `loguniform` exp(uniform(ln low, ln high)), all from one generator stream consumed in the order the
// space asks. This is exactly what random search has always drawn (RandomDrawPinTests pins it bit for bit); it does
// not clamp (the space does) and it does not choose the stream (ParameterSpace does).
using SweepCluster.Engine;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Uniform random draws from one generator stream.</summary>
internal sealed class UniformSpaceDraws(DeterministicRandom random) : ISpaceDraws
{
    /// <inheritdoc/>
    public int ChooseAlternative(SpaceDimension dimension) => random.NextInt(dimension.Alternatives);

    /// <inheritdoc/>
    public double DrawNumber(SpaceDimension dimension)
    {
        if (dimension.Kind == SpaceDimensionKind.Integer) return dimension.Low + random.NextInt(checked((int)(dimension.High - dimension.Low) + 1));
        if (!dimension.Log) return dimension.Low + (dimension.High - dimension.Low) * random.NextDouble();
        var logLow = Math.Log(dimension.Low);
        return Math.Exp(logLow + (Math.Log(dimension.High) - logLow) * random.NextDouble());
    }
}
