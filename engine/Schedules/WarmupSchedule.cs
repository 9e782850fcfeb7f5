namespace SweepCluster.Engine.Schedules;

/// <summary>Linear warm-up over any schedule: for t &lt; W the inner value is multiplied by (t+1)/W.</summary>
public sealed class WarmupSchedule(Schedule inner, long warmup) : Schedule(inner.Clock)
{
    public override double ValueAt(long t) =>
        t < warmup ? inner.ValueAt(t) * (t + 1) / warmup : inner.ValueAt(t);

    public override double LayerMultiplier(int layer) => inner.LayerMultiplier(layer);
    public override bool WantsGradientNoise => inner.WantsGradientNoise;
    public override void ObserveEpoch(EpochSignal signal) => inner.ObserveEpoch(signal);
    public override void ObserveGradientNoise(GradientNoiseSample sample) => inner.ObserveGradientNoise(sample);
    public override double[] SaveState() => inner.SaveState();
    public override void RestoreState(IReadOnlyList<double> state) => inner.RestoreState(state);
}
