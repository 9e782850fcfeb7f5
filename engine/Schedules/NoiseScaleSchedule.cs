// Adaptive policy (2), driven by the data distribution: a batch size that follows the measured gradient noise scale
// B_simple = tr(Σ)/|G|² of McCandlish et al. 2018, "An Empirical Model of Large-Batch Training". The paper shows that
// training at B ≈ B_noise balances time and compute: smaller batches waste steps on noise, larger ones waste samples.
// Estimates use per-example gradient norms (appendix A with B_small = 1, B_big = B), unbiased for each batch:
//   |G|²   ≈ (B·|G_B|² − mean_i |g_i|²) / (B − 1)
//   tr(Σ)  ≈ B/(B − 1) · (mean_i |g_i|² − |G_B|²)
// Both are summed over an epoch before taking the ratio (the paper's advice: average numerator and denominator
// separately), then smoothed across epochs: ema ← s·ema + (1 − s)·B_simple, starting from `initial`.
// The batch size of epoch e is round(ema after epoch e − 1), clamped by the trainer to [min, max].
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>Batch size that tracks the gradient noise scale, updated once per epoch.</summary>
public sealed class NoiseScaleSchedule(double initial, double smoothing) : Schedule(ScheduleClock.Epoch)
{
    private double _estimate = initial;
    private double _traceSum;
    private double _gradientSquaredSum;
    private double _lastMeasured = double.NaN;

    /// <summary>The last epoch's raw B_simple (NaN before the first epoch ends).</summary>
    public double LastMeasured => _lastMeasured;

    public override double ValueAt(long t) => _estimate;

    public override bool WantsGradientNoise => true;

    public override void ObserveGradientNoise(GradientNoiseSample sample)
    {
        if (sample.BatchSize < 2) return; // one example carries no variance information
        double b = sample.BatchSize;
        _gradientSquaredSum += (b * sample.BatchGradientSquaredNorm - sample.MeanPerExampleSquaredNorm) / (b - 1);
        _traceSum += b / (b - 1) * (sample.MeanPerExampleSquaredNorm - sample.BatchGradientSquaredNorm);
    }

    public override void ObserveEpoch(EpochSignal signal)
    {
        if (_gradientSquaredSum > 0 && _traceSum > 0)
        {
            _lastMeasured = _traceSum / _gradientSquaredSum;
            _estimate = smoothing * _estimate + (1.0 - smoothing) * _lastMeasured;
        }
        _traceSum = 0;
        _gradientSquaredSum = 0;
    }

    public override double[] SaveState() => [_estimate, _traceSum, _gradientSquaredSum, _lastMeasured];

    public override void RestoreState(IReadOnlyList<double> state)
    {
        if (state.Count != 4) throw new ArgumentException($"noise_scale state has 4 values, got {state.Count}.");
        (_estimate, _traceSum, _gradientSquaredSum, _lastMeasured) = (state[0], state[1], state[2], state[3]);
    }
}
