// Adaptive policy (1): reduce on plateau, with torch.optim.lr_scheduler.ReduceLROnPlateau's semantics
// (mode='min', threshold_mode='rel'). Monitors the validation loss, or the training loss without a validation split.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>
/// v(t) = max(base(t)·m, min), where the multiplier m starts at 1 and is multiplied by <c>factor</c> whenever the
/// monitored loss has not improved on its best by more than the relative <c>threshold</c> for more than
/// <c>patience</c> epochs; after a reduction, <c>cooldown</c> epochs pass before bad epochs count again.
/// </summary>
public sealed class PlateauSchedule(Schedule baseSchedule, double factor, int patience, double threshold, int cooldown, double min)
    : Schedule(baseSchedule.Clock)
{
    private double _best = double.NaN;
    private int _badEpochs;
    private int _cooldownLeft;
    private double _multiplier = 1.0;

    /// <summary>The accumulated multiplier (1 until the first plateau).</summary>
    public double Multiplier => _multiplier;

    public override double ValueAt(long t) => Math.Max(baseSchedule.ValueAt(t) * _multiplier, min);

    public override void ObserveEpoch(EpochSignal signal)
    {
        var current = signal.MonitoredLoss;
        if (double.IsNaN(_best) || current < _best * (1.0 - threshold))
        {
            _best = current;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }

        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }

        if (_badEpochs <= patience) return;
        _multiplier *= factor;
        _cooldownLeft = cooldown;
        _badEpochs = 0;
    }

    public override double[] SaveState() => [_best, _badEpochs, _cooldownLeft, _multiplier];

    public override void RestoreState(IReadOnlyList<double> state)
    {
        if (state.Count != 4) throw new ArgumentException($"plateau state has 4 values, got {state.Count}.");
        (_best, _badEpochs, _cooldownLeft, _multiplier) = (state[0], (int)state[1], (int)state[2], state[3]);
    }
}
