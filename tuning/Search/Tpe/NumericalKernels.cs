// A numerical dimension's kernels: a truncated normal at every observation (bandwidths from ParzenBandwidth) and the
// prior kernel at the centre of the range with bandwidth = the range (Optuna's consider_prior=True), continuous for a
// real dimension and discretised on its grid for an integer one. Values are internal (log for a log dimension).
// It does not weight kernels against each other.
using SweepCluster.Engine;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Truncated-normal kernels over [low, high] in internal units.</summary>
internal sealed class NumericalKernels : IDimensionKernels
{
    private readonly TruncatedNormal[] _kernels;
    private readonly double[] _logMasses;
    private readonly double[] _mus;
    private readonly double[] _inverseSigmas;
    private readonly double[] _logScales; // a continuous kernel's log density is −z²/2 + this

    /// <summary>Kernels at <paramref name="observed"/> and a prior kernel, over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public NumericalKernels(ReadOnlySpan<double> observed, double low, double high, double step, bool multivariate, int groupSize)
    {
        var sigmas = ParzenBandwidth.Of(observed, low, high, step, multivariate, groupSize, priorKernels: 1);
        _kernels = new TruncatedNormal[observed.Length + 1];
        for (var k = 0; k < observed.Length; k++) _kernels[k] = new TruncatedNormal(observed[k], sigmas[k], low, high, step);
        _kernels[^1] = new TruncatedNormal(0.5 * (low + high), high - low + step, low, high, step);
        _logMasses = _kernels.Select(kernel => kernel.LogMass()).ToArray();
        _mus = _kernels.Select(kernel => kernel.Mu).ToArray();
        _inverseSigmas = _kernels.Select(kernel => 1.0 / kernel.Sigma).ToArray();
        _logScales = _kernels.Select((kernel, k) => kernel.LogDensity(kernel.Mu, _logMasses[k])).ToArray();
    }

    /// <summary>Kernel <paramref name="k"/>, for tests.</summary>
    public TruncatedNormal this[int k] => _kernels[k];

    /// <inheritdoc/>
    public double Sample(int kernel, DeterministicRandom random) => _kernels[kernel].Quantile(random.NextDouble());

    /// <inheritdoc/>
    public void LogDensities(double x, Span<double> destination)
    {
        if (_kernels[0].Step != 0)
        {
            for (var k = 0; k < _kernels.Length; k++) destination[k] = _kernels[k].LogDensity(x, _logMasses[k]);
            return;
        }
        // Continuous: TruncatedNormal.LogDensity with its constant part hoisted out of the loop.
        for (var k = 0; k < _kernels.Length; k++)
        {
            var z = (x - _mus[k]) * _inverseSigmas[k];
            destination[k] = -0.5 * z * z + _logScales[k];
        }
    }
}
