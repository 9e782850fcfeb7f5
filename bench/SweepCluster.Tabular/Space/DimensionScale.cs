// How a searcher should treat the choices of one dimension of a tabular space.
namespace SweepCluster.Tabular.Space;

/// <summary>The kind of a dimension: unordered labels, or an ordered grid on an integer, log or linear scale.</summary>
public enum DimensionScale
{
    /// <summary>Unordered labels (an optimiser, a schedule family).</summary>
    Categorical,
    /// <summary>Ordered integers (epochs of warm-up).</summary>
    Integer,
    /// <summary>Ordered positive numbers spaced on a log scale (an initial learning rate).</summary>
    Log,
    /// <summary>Ordered numbers spaced on a linear scale (a decay power).</summary>
    Linear,
}
