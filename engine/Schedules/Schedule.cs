// The base of every hyperparameter schedule: a value as a function of t on the schedule's clock.
// Pure families are functions of (t, T) only and have no state; adaptive policies override the Observe* hooks and
// carry state that checkpoints save and restore. Deliberately no knowledge of the optimizer or the network.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>A hyperparameter value for every t, plus hooks through which adaptive policies watch the run.</summary>
public abstract class Schedule
{
    protected Schedule(ScheduleClock clock) => Clock = clock;

    /// <summary>The counter t is counted in: optimizer steps or epochs.</summary>
    public ScheduleClock Clock { get; }

    /// <summary>The value used for the step (or epoch) at t, before that update.</summary>
    public abstract double ValueAt(long t);

    /// <summary>Multiplier for layer <paramref name="layer"/> (0-based); 1 unless a per-layer policy says otherwise.</summary>
    public virtual double LayerMultiplier(int layer) => 1.0;

    /// <summary>Whether <see cref="ObserveGradientNoise"/> needs to be fed (costs per-example gradient norms).</summary>
    public virtual bool WantsGradientNoise => false;

    /// <summary>Called at the end of every epoch with the loss the policy monitors.</summary>
    public virtual void ObserveEpoch(EpochSignal signal) { }

    /// <summary>Called after every step's backward pass with that batch's gradient statistics.</summary>
    public virtual void ObserveGradientNoise(GradientNoiseSample sample) { }

    /// <summary>The mutable state to checkpoint (empty for pure families).</summary>
    public virtual double[] SaveState() => [];

    /// <summary>Restores what <see cref="SaveState"/> returned.</summary>
    public virtual void RestoreState(IReadOnlyList<double> state)
    {
        if (state.Count != 0) throw new ArgumentException($"{GetType().Name} has no state, got {state.Count} values.");
    }
}

/// <summary>What a schedule sees at the end of an epoch.</summary>
/// <param name="Epoch">0-based epoch that just ended.</param>
/// <param name="MonitoredLoss">Validation loss, or the training loss when there is no validation split.</param>
public readonly record struct EpochSignal(int Epoch, double MonitoredLoss);

/// <summary>Gradient statistics of one batch (McCandlish et al. 2018, appendix A, with B_small = 1).</summary>
/// <param name="BatchSize">Rows in the batch (B).</param>
/// <param name="MeanPerExampleSquaredNorm">mean over i of |g_i|², each g_i the gradient of example i's loss.</param>
/// <param name="BatchGradientSquaredNorm">|G_B|², the squared norm of the batch-mean gradient.</param>
public readonly record struct GradientNoiseSample(int BatchSize, double MeanPerExampleSquaredNorm, double BatchGradientSquaredNorm);
