using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;

namespace SweepCluster.Engine.Tests.Schedules;

/// <summary>The adaptive policies' rules on scripted observations.</summary>
public sealed class AdaptivePolicyTests
{
    private static readonly ScheduleContext Context = new(TotalSteps: 100, Epochs: 10, FanIns: [64, 32, 16], FeatureScale: 0.25);

    [Fact]
    public void PlateauReducesAfterPatienceLikeReduceLROnPlateau()
    {
        var plateau = new PlateauSchedule(new ConstantSchedule(1.0, ScheduleClock.Step), factor: 0.5, patience: 2, threshold: 1e-4, cooldown: 1, min: 0.2);
        double[] losses = [1.0, 0.9, 0.9, 0.9, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
        var values = new List<double>();
        for (var e = 0; e < losses.Length; e++)
        {
            plateau.ObserveEpoch(new EpochSignal(e, losses[e]));
            values.Add(plateau.ValueAt(0));
        }
        // best 0.9 at epoch 1; bad epochs 2,3,4 -> third bad (> patience 2) at epoch 4 -> 0.5; cooldown 1 eats epoch 5;
        // bad again at 6,7,8 -> 0.25 at epoch 8; cooldown eats 9; bad 10,11 -> not yet; min clamps at 0.2 later.
        Assert.Equal([1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25], values);
        var saved = plateau.SaveState();
        var copy = new PlateauSchedule(new ConstantSchedule(1.0, ScheduleClock.Step), 0.5, 2, 1e-4, 1, 0.2);
        copy.RestoreState(saved);
        plateau.ObserveEpoch(new EpochSignal(12, 0.9));
        copy.ObserveEpoch(new EpochSignal(12, 0.9));
        Assert.Equal(0.2, plateau.ValueAt(0)); // 0.125 clamped to min
        Assert.Equal(plateau.ValueAt(0), copy.ValueAt(0));
    }

    [Fact]
    public void NoiseScaleEstimatesTraceOverGradientNormFromPerExampleNorms()
    {
        // Per-example gradients g_i = G + noise with |G|² = 4 and tr(Σ) = 40, so B_simple = 10.
        // For a batch of B: E mean|g_i|² = |G|² + tr(Σ) = 44 and E|G_B|² = |G|² + tr(Σ)/B.
        var schedule = new NoiseScaleSchedule(initial: 32, smoothing: 0.0);
        const int batch = 8;
        schedule.ObserveGradientNoise(new GradientNoiseSample(batch, 44.0, 4.0 + 40.0 / batch));
        Assert.Equal(32, schedule.ValueAt(0));
        schedule.ObserveEpoch(new EpochSignal(0, 1.0));
        Assert.Equal(10.0, schedule.ValueAt(1), 9);
        Assert.Equal(10.0, schedule.LastMeasured, 9);

        var smoothed = new NoiseScaleSchedule(initial: 32, smoothing: 0.5);
        smoothed.ObserveGradientNoise(new GradientNoiseSample(batch, 44.0, 4.0 + 40.0 / batch));
        smoothed.ObserveEpoch(new EpochSignal(0, 1.0));
        Assert.Equal(21.0, smoothed.ValueAt(1), 9);
    }

    [Fact]
    public void FanInScalesEachLayerByReferenceOverFanIn()
    {
        var schedule = ScheduleFactory.Create(new ScheduleSpec { Family = ScheduleFamily.FanIn, Initial = 0.1, Power = 1 }, ScheduleTarget.LearningRate, Context);
        Assert.Equal(0.1, schedule.ValueAt(3));
        Assert.Equal([1.0, 2.0, 4.0], Enumerable.Range(0, 3).Select(schedule.LayerMultiplier));
        var sqrt = ScheduleFactory.Create(new ScheduleSpec { Family = ScheduleFamily.FanIn, Initial = 0.1, Power = 0.5, Reference = 16 }, ScheduleTarget.LearningRate, Context);
        Assert.Equal(0.5, sqrt.LayerMultiplier(0), 12);
    }

    [Fact]
    public void FeatureScaleMultipliesTheBaseSchedule()
    {
        var spec = new ScheduleSpec
        {
            Family = ScheduleFamily.FeatureScale,
            Base = new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 0.4, Gamma = 0.5 },
        };
        var schedule = ScheduleFactory.Create(spec, ScheduleTarget.LearningRate, Context);
        Assert.Equal(0.4 * 0.25, schedule.ValueAt(0), 12);
        Assert.Equal(0.4 * 0.5 * 0.25, schedule.ValueAt(1), 12);
    }
}
