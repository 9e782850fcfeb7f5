// How a searched dimension's values are laid out, which decides the space fANOVA measures importance over. It does not
// say how the values were sampled (a log-scaled dimension is measured uniformly in log space whatever the sampler did).
namespace SweepCluster.Reporting.Analysis;

/// <summary>The scale of one dimension of the search space.</summary>
public enum DimensionScale
{
    /// <summary>A continuous (or integer) value in [Low, High], measured uniformly.</summary>
    Linear,

    /// <summary>A positive continuous value in [Low, High], measured uniformly in log space (a learning rate).</summary>
    Log,

    /// <summary>One of a fixed number of unordered choices, given as its index 0 … Categories − 1, each weighted equally.</summary>
    Categorical,
}
