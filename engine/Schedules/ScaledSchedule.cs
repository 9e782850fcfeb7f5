// Population-based training's explore step: a trial that copied a better trial's state multiplies that trial's
// schedules by a factor (0.8 or 1.2 by default) from then on. Everything but the value passes through to the inner
// schedule, so its adaptive state checkpoints and restores exactly as without the factor.
namespace SweepCluster.Engine.Schedules;

/// <summary>v(t) = factor · inner(t).</summary>
public sealed class ScaledSchedule(Schedule inner, double factor) : Schedule(inner.Clock)
{
    /// <summary>The multiplier.</summary>
    public double Factor => factor;

    public override double ValueAt(long t) => inner.ValueAt(t) * factor;

    public override double LayerMultiplier(int layer) => inner.LayerMultiplier(layer);
    public override bool WantsGradientNoise => inner.WantsGradientNoise;
    public override void ObserveEpoch(EpochSignal signal) => inner.ObserveEpoch(signal);
    public override void ObserveGradientNoise(GradientNoiseSample sample) => inner.ObserveGradientNoise(sample);
    public override double[] SaveState() => inner.SaveState();
    public override void RestoreState(IReadOnlyList<double> state) => inner.RestoreState(state);
}
