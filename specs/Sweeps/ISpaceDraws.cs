// Where the draws of one random combination come from. The space asks at each decision point it reaches, in file
// order, depth first; a choice's alternatives are reached only when it takes them, so a source sees exactly the
// dimensions the combination activates. Uniform random draws (random search), Sobol points and TPE proposals are
// sources. A source does not materialise or validate anything; the space clamps numbers into their bounds.
namespace SweepCluster.Specs.Sweeps;

/// <summary>Supplies the draws at the decision points of a parameter space.</summary>
public interface ISpaceDraws
{
    /// <summary>The alternative a categorical <paramref name="dimension"/> takes: 0 ≤ result &lt; its alternatives.</summary>
    int ChooseAlternative(SpaceDimension dimension);

    /// <summary>The number an integer or float <paramref name="dimension"/> takes, within its bounds.</summary>
    double DrawNumber(SpaceDimension dimension);
}
