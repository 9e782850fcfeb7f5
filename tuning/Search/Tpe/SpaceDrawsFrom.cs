// A draw source made of one function from a dimension to its draw (an alternative index or a number): how the Sobol
// startup points and TPE's proposals are handed to the parameter space. It does not decide anything itself.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>An <see cref="ISpaceDraws"/> that asks <paramref name="draw"/> at every decision point.</summary>
internal sealed class SpaceDrawsFrom(Func<SpaceDimension, double> draw) : ISpaceDraws
{
    /// <inheritdoc/>
    public int ChooseAlternative(SpaceDimension dimension) => Math.Clamp((int)draw(dimension), 0, dimension.Alternatives - 1);

    /// <inheritdoc/>
    public double DrawNumber(SpaceDimension dimension) => draw(dimension);
}
