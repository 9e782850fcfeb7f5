using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;

namespace SweepCluster.Engine.Tests.Schedules;

/// <summary>Every pure family against its formula, written out independently here.</summary>
public sealed class ScheduleFamilyTests
{
    private static readonly ScheduleContext Context = new(TotalSteps: 100, Epochs: 10, FanIns: [64, 32], FeatureScale: 0.25);
    private static readonly long[] Times = [0, 1, 2, 7, 33, 50, 99, 100];

    private static Schedule Build(ScheduleSpec spec) => ScheduleFactory.Create(spec, ScheduleTarget.LearningRate, Context);

    [Fact]
    public void Constant() =>
        AssertFollows(Build(ScheduleSpec.ConstantOf(0.3)), _ => 0.3);

    [Fact]
    public void InverseTimeDecaysAndGrowsWithNegativeBeta()
    {
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 }),
            t => 0.1 * Math.Pow(1 + 0.01 * t, -0.5));
        var growing = ScheduleFactory.Create(new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1 },
            ScheduleTarget.BatchSize, Context);
        Assert.Equal(ScheduleClock.Epoch, growing.Clock);
        Assert.Equal(32 * (1 + 0.2 * 3), growing.ValueAt(3), 12);
    }

    [Fact]
    public void Exponential() =>
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 0.5, Gamma = 0.97 }), t => 0.5 * Math.Pow(0.97, t));

    [Fact]
    public void PolynomialReachesFinalAtTheHorizon() =>
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Polynomial, Initial = 0.1, Final = 0.001, Beta = 2 }),
            t => (0.1 - 0.001) * Math.Pow(1 - Math.Min(1.0, t / 100.0), 2) + 0.001);

    [Fact]
    public void StepWithPeriodAndWithMilestones()
    {
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 1, Gamma = 0.5, StepSize = 30 }),
            t => Math.Pow(0.5, t / 30));
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 1, Gamma = 0.1, Milestones = [10, 50] }),
            t => t < 10 ? 1 : t < 50 ? 0.1 : 0.1 * 0.1);
    }

    [Fact]
    public void CosineGoesFromInitialToFinal() =>
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.2, Final = 0.02 }),
            t => 0.02 + (0.2 - 0.02) * (1 + Math.Cos(Math.PI * Math.Min(1.0, t / 100.0))) / 2);

    [Fact]
    public void WarmupScalesAnyFamily() =>
        AssertFollows(Build(new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 0.5, Gamma = 0.9, Warmup = 5 }),
            t => 0.5 * Math.Pow(0.9, t) * (t < 5 ? (t + 1) / 5.0 : 1.0));

    [Fact]
    public void EpochClockUsesTheEpochHorizon()
    {
        var cosine = Build(new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 1, Every = ScheduleClock.Epoch });
        Assert.Equal(ScheduleClock.Epoch, cosine.Clock);
        Assert.Equal(0.5, cosine.ValueAt(5), 12);
    }

    [Theory]
    [InlineData(31.5, null, null, 1000, 32)]   // ties to even
    [InlineData(32.5, null, null, 1000, 32)]
    [InlineData(32.6, null, null, 1000, 33)]
    [InlineData(0.2, null, null, 1000, 1)]     // default min 1
    [InlineData(5000, null, null, 1000, 1000)] // default max: the training set
    [InlineData(300, 16.0, 256.0, 1000, 256)]
    [InlineData(3, 16.0, 256.0, 1000, 16)]
    public void BatchSizesRoundToEvenThenClamp(double value, double? min, double? max, int rows, int expected) =>
        Assert.Equal(expected, BatchSizeRounding.Apply(value, min, max, rows));

    private static void AssertFollows(Schedule schedule, Func<long, double> formula)
    {
        foreach (var t in Times) Assert.Equal(formula(t), schedule.ValueAt(t), 12);
    }
}
