// TrialSpecWriter: written YAML loads back to an equal spec (compared field by field).
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Tests;

public sealed class TrialSpecWriterTests
{
    public static TheoryData<string> Specs() => new()
    {
        "full",
        "defaults",
        "adaptive",
        "odd-dataset",
    };

    private static TrialSpec Make(string name) => name switch
    {
        "full" => TrialSpecLoaderTests.Full,
        "defaults" => new TrialSpec(),
        "adaptive" => new TrialSpec
        {
            Task = TaskKind.Classification,
            Loss = LossKind.CrossEntropy,
            Model = new ModelSpec { Hidden = [], Activation = ActivationKind.Sigmoid, Init = InitScheme.Normal },
            Optimizer = new OptimizerSpec { Type = OptimizerKind.RmsProp, Alpha = 0.95, Eps = 1e-6, Centered = true, Momentum = 0.5 },
            LearningRate = new ScheduleSpec
            {
                Family = ScheduleFamily.Plateau, Initial = 0.3, Factor = 0.5, Patience = 2, Threshold = 0.001, Cooldown = 1, Min = 1e-5,
                Base = new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 0.3, StepSize = 7, Gamma = 0.5, Warmup = 3, Every = ScheduleClock.Epoch },
            },
            WeightDecay = new ScheduleSpec { Family = ScheduleFamily.Polynomial, Initial = 1e-3, Final = 1e-5, Beta = 2 },
            BatchSize = new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 16, Smoothing = 0.7, Min = 8, Max = 1024 },
        },
        "odd-dataset" => new TrialSpec
        {
            Dataset = "dir with spaces/quote\"and\\back: #x.csv",
            LearningRate = new ScheduleSpec { Family = ScheduleFamily.FanIn, Initial = 0.05, Power = 1, Reference = 128 },
            WeightDecay = new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 0.1 / 3, Gamma = 0.99 },
            BatchSize = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 64, Final = 8, Every = ScheduleClock.Epoch },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void WrittenYamlLoadsToAnEqualSpec(string name)
    {
        var spec = Make(name);
        using var dir = new TempDir();
        var path = dir.Write("roundtrip.yaml", TrialSpecWriter.ToYaml(spec));
        SpecAssert.Equal(spec, TrialSpecLoader.Load(path).Spec);
    }

    [Fact]
    public void OutputUsesSnakeCaseNames()
    {
        var yaml = TrialSpecWriter.ToYaml(TrialSpecLoaderTests.Full);
        Assert.Contains("activation: leaky_relu", yaml);
        Assert.Contains("schedule: inverse_time", yaml);
        Assert.Contains("milestones: [10, 20]", yaml);
        Assert.DoesNotContain("step_size", yaml);
    }
}
