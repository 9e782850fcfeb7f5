// A categorical dimension's kernels (Optuna's _calculate_categorical_distributions without a distance function):
// the kernel of an observation puts weight 1 + prior_weight / kernels on the observed alternative and
// prior_weight / kernels on every alternative, normalised; the prior kernel is uniform. No observations: one
// uniform kernel. It does not weight kernels against each other.
using SweepCluster.Engine;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Categorical kernels over <c>alternatives</c> alternatives, each row a probability vector.</summary>
internal sealed class CategoricalKernels : IDimensionKernels
{
    private readonly double[][] _probabilities; // (kernels, alternatives)
    private readonly double[][] _logProbabilities; // (alternatives, kernels): one column per alternative

    /// <summary>Kernels for the observed alternative indices <paramref name="observed"/>, plus a uniform prior kernel.</summary>
    public CategoricalKernels(ReadOnlySpan<double> observed, int alternatives, double priorWeight)
    {
        var kernels = observed.Length + 1;
        _probabilities = new double[kernels][];
        for (var k = 0; k < kernels; k++)
        {
            var row = Enumerable.Repeat(priorWeight / kernels, alternatives).ToArray();
            if (k < observed.Length) row[(int)observed[k]] += 1.0;
            var total = row.Sum();
            for (var a = 0; a < alternatives; a++) row[a] /= total;
            _probabilities[k] = row;
        }
        _logProbabilities = Enumerable.Range(0, alternatives).Select(a => _probabilities.Select(row => Math.Log(row[a])).ToArray()).ToArray();
    }

    /// <inheritdoc/>
    public double Sample(int kernel, DeterministicRandom random)
    {
        var row = _probabilities[kernel];
        var u = random.NextDouble();
        for (var a = 0; a < row.Length - 1; a++)
        {
            u -= row[a];
            if (u < 0) return a;
        }
        return row.Length - 1;
    }

    /// <inheritdoc/>
    public void LogDensities(double x, Span<double> destination)
    {
        _logProbabilities[(int)x].CopyTo(destination);
    }
}
