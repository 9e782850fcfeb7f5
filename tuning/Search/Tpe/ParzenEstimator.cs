// The Parzen estimator of TPE over a group of dimensions (one for univariate TPE, several for multivariate): a mixture
// whose kernel k is the product of each dimension's kernel k (observation k's, or the prior's), weighted by Optuna's
// default weights (observations in trial order, the oldest ramped down past 25) with the prior at prior_weight,
// normalised. It samples points and evaluates log densities of points, all in internal units (TpeScale). It does not
// split observations into good and bad, nor choose among candidates (TpeSampler).
using System.Numerics.Tensors;
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>A mixture of product kernels over a group of dimensions.</summary>
internal sealed class ParzenEstimator
{
    private readonly IDimensionKernels[] _dimensions;
    private readonly double[] _logWeights;
    private readonly double[] _cumulativeWeights;

    /// <summary>The estimator of <paramref name="observations"/> (rows: trials in trial order; columns: internal values
    /// of <paramref name="dimensions"/>).</summary>
    public ParzenEstimator(IReadOnlyList<SpaceDimension> dimensions, IReadOnlyList<double[]> observations, bool multivariate, double priorWeight)
    {
        _dimensions = new IDimensionKernels[dimensions.Count];
        var column = new double[observations.Count];
        for (var d = 0; d < dimensions.Count; d++)
        {
            for (var i = 0; i < observations.Count; i++) column[i] = observations[i][d];
            var dimension = dimensions[d];
            _dimensions[d] = dimension.IsCategorical
                ? new CategoricalKernels(column, dimension.Alternatives, priorWeight)
                : new NumericalKernels(column, TpeScale.Low(dimension), TpeScale.High(dimension), TpeScale.Step(dimension), multivariate, dimensions.Count);
        }
        var weights = TpeDefaults.Weights(observations.Count).Append(priorWeight).ToArray();
        var total = weights.Sum();
        _logWeights = weights.Select(w => Math.Log(w / total)).ToArray();
        _cumulativeWeights = new double[weights.Length];
        var running = 0.0;
        for (var k = 0; k < weights.Length; k++) _cumulativeWeights[k] = running += weights[k] / total;
    }

    /// <summary>The number of kernels (observations + the prior).</summary>
    public int Kernels => _logWeights.Length;

    /// <summary>Dimension <paramref name="d"/>'s kernels, for tests.</summary>
    internal IDimensionKernels Dimension(int d) => _dimensions[d];

    /// <summary><paramref name="count"/> points drawn from the mixture: a kernel by weight, then each dimension from it.</summary>
    public double[][] Sample(DeterministicRandom random, int count)
    {
        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var found = Array.BinarySearch(_cumulativeWeights, u);
            var kernel = Math.Min(found >= 0 ? found + 1 : ~found, Kernels - 1); // the first kernel whose cumulative weight exceeds u
            points[i] = _dimensions.Select(dimension => dimension.Sample(kernel, random)).ToArray();
        }
        return points;
    }

    /// <summary>log density of each point: log Σ_k w_k Π_d p_{k,d}(x_d). A value repeated among the points (a categorical
    /// or integer one, typically) has its per-kernel densities computed once.</summary>
    public double[] LogDensity(IReadOnlyList<double[]> points)
    {
        var result = new double[points.Count];
        var perKernel = new double[Kernels];
        var seen = _dimensions.Select(_ => new Dictionary<double, double[]>()).ToArray();
        for (var i = 0; i < points.Count; i++)
        {
            _logWeights.CopyTo(perKernel, 0);
            for (var d = 0; d < _dimensions.Length; d++)
            {
                var x = points[i][d];
                if (!seen[d].TryGetValue(x, out var densities))
                {
                    densities = new double[Kernels];
                    _dimensions[d].LogDensities(x, densities);
                    seen[d][x] = densities;
                }
                TensorPrimitives.Add(perKernel, densities, perKernel); // exact element-wise: the same bits at any vector width
            }
            result[i] = LogSumExp(perKernel);
        }
        return result;
    }

    /// <summary>log Σ exp(values), with scalar exp and a scalar sum in index order (vectorised exp and reductions could
    /// give other bits on other hardware, and suggestions must not depend on the machine).</summary>
    private static double LogSumExp(ReadOnlySpan<double> values)
    {
        var max = TensorPrimitives.Max(values);
        if (double.IsNegativeInfinity(max)) return max;
        var sum = 0.0;
        foreach (var value in values) sum += Math.Exp(value - max);
        return max + Math.Log(sum);
    }
}
