// One dimension's share of a Parzen mixture: for each kernel k of the mixture, a distribution over that dimension's
// internal values. A multivariate kernel is the product of its dimensions' shares. No mixture weights here.
using SweepCluster.Engine;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>The per-kernel distributions of one dimension.</summary>
internal interface IDimensionKernels
{
    /// <summary>A draw from kernel <paramref name="kernel"/>.</summary>
    double Sample(int kernel, DeterministicRandom random);

    /// <summary>log density (or log probability) of <paramref name="x"/> under every kernel, written to <paramref name="destination"/>.</summary>
    void LogDensities(double x, Span<double> destination);
}
