using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class ScheduleDescriberTests
{
    private const ScheduleTarget Lr = ScheduleTarget.LearningRate;

    [Theory]
    [InlineData("{ schedule: constant, initial: 0.1 }", "constant(0.1)")]
    [InlineData("0.05", "constant(0.05)")]
    [InlineData("{ schedule: inverse_time, initial: 0.1, alpha: 0.01, beta: 0.5 }", "inverse_time(0.1, α=0.01, β=0.5)")]
    [InlineData("{ schedule: exponential, initial: 0.1, gamma: 0.97 }", "exponential(0.1, γ=0.97)")]
    [InlineData("{ schedule: polynomial, initial: 0.1, beta: 2 }", "polynomial(0.1, β=2)")]
    [InlineData("{ schedule: polynomial, initial: 0.1, beta: 2, final: 0.001 }", "polynomial(0.1→0.001, β=2)")]
    [InlineData("{ schedule: step, initial: 0.1, gamma: 0.5, step_size: 300 }", "step(0.1, γ=0.5, every 300)")]
    [InlineData("{ schedule: step, initial: 0.1, milestones: [10, 50] }", "step(0.1, γ=0.1, at [10, 50])")]
    [InlineData("{ schedule: cosine, initial: 0.1, final: 0.001 }", "cosine(0.1→0.001)")]
    [InlineData("{ schedule: cosine, initial: 0.1 }", "cosine(0.1)")]
    [InlineData("{ schedule: plateau, initial: 0.1, factor: 0.5, patience: 3 }", "plateau(0.1, ×0.5 after 3)")]
    [InlineData("{ schedule: plateau, base: { schedule: cosine, initial: 0.1 }, factor: 0.5, patience: 3, cooldown: 2 }", "plateau(cosine(0.1), ×0.5 after 3, cooldown 2)")]
    [InlineData("{ schedule: fan_in, initial: 0.1, power: 0.5 }", "fan_in(0.1, p=0.5)")]
    [InlineData("{ schedule: fan_in, initial: 0.1, power: 1, reference: 64 }", "fan_in(0.1, p=1, reference 64)")]
    [InlineData("{ schedule: feature_scale, initial: 0.1 }", "feature_scale(0.1)")]
    [InlineData("{ schedule: constant, initial: 1e-5 }", "constant(1e-5)")]
    [InlineData("{ schedule: cosine, initial: 0.1, warmup: 100 }", "cosine(0.1) warmup 100")]
    [InlineData("{ schedule: exponential, initial: 0.1, gamma: 0.9, every: epoch }", "exponential(0.1, γ=0.9) per epoch")]
    [InlineData("{ schedule: exponential, initial: 0.1, gamma: 0.9, every: step }", "exponential(0.1, γ=0.9)")]
    [InlineData("{ schedule: plateau, initial: 0.1, factor: 0.5, patience: 3, min: 0.0001 }", "plateau(0.1, ×0.5 after 3) [min 0.0001]")]
    public void DescribesLearningRateSchedules(string yaml, string expected) =>
        Assert.Equal(expected, ScheduleDescriber.Describe(Bind(yaml, "learning_rate", t => t.LearningRate), Lr));

    [Theory]
    [InlineData("{ schedule: noise_scale, initial: 16 }", "noise_scale(16)")]
    [InlineData("{ schedule: noise_scale, initial: 16, smoothing: 0.5, min: 4, max: 256 }", "noise_scale(16, smoothing 0.5) [min 4, max 256]")]
    [InlineData("{ schedule: inverse_time, initial: 32, alpha: 0.2, beta: -1, max: 256, every: step }", "inverse_time(32, α=0.2, β=-1) per step [max 256]")]
    [InlineData("{ schedule: step, initial: 32, gamma: 2, step_size: 5, every: epoch }", "step(32, γ=2, every 5)")]
    public void DescribesBatchSizeSchedulesWithTheirOwnDefaultClock(string yaml, string expected) =>
        Assert.Equal(expected, ScheduleDescriber.Describe(Bind(yaml, "batch_size", t => t.BatchSize), ScheduleTarget.BatchSize));

    [Fact]
    public void CoversEveryFamily()
    {
        var described = new[]
        {
            "{ schedule: constant, initial: 0.1 }", "{ schedule: inverse_time, initial: 0.1 }", "{ schedule: exponential, initial: 0.1 }",
            "{ schedule: polynomial, initial: 0.1 }", "{ schedule: step, initial: 0.1, step_size: 2 }", "{ schedule: cosine, initial: 0.1 }",
            "{ schedule: plateau, initial: 0.1 }", "{ schedule: fan_in, initial: 0.1 }", "{ schedule: feature_scale, initial: 0.1 }",
        }.Select(yaml => Bind(yaml, "learning_rate", t => t.LearningRate).Family)
            .Append(Bind("{ schedule: noise_scale, initial: 16 }", "batch_size", t => t.BatchSize).Family)
            .Append(Bind("{ schedule: recorded, values: [[0, 0.1], [10, 0.05]] }", "learning_rate", t => t.LearningRate).Family);
        Assert.Equal(Enum.GetValues<ScheduleFamily>().Order(), described.Order());
    }

    private static ScheduleSpec Bind(string schedule, string key, Func<TrialSpec, ScheduleSpec> get) =>
        get(TrialSpecLoader.Parse($"{key}: {schedule}\n", SpecFormat.Yaml).Spec);
}
