using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Tests;

public sealed class TrialSpecJsonTests
{
    [Fact]
    public void RoundTripsEveryFieldIncludingNestedSchedules()
    {
        var spec = new TrialSpec
        {
            Dataset = "wine",
            Task = TaskKind.Classification,
            Model = new ModelSpec { Hidden = [8, 4], Activation = ActivationKind.LeakyRelu, Init = InitScheme.Xavier },
            Optimizer = new OptimizerSpec { Type = OptimizerKind.AdamW, Beta2 = 0.99 },
            LearningRate = new ScheduleSpec
            {
                Family = ScheduleFamily.Plateau, Factor = 0.5, Patience = 2,
                Base = new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 0.1, Milestones = [10, 20], Every = ScheduleClock.Epoch },
            },
            BatchSize = new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 16, Min = 4, Max = 64 },
            Epochs = 3,
            Seed = 9,
        };
        var json = TrialSpecJson.Serialize(spec);
        Assert.Contains("\"leaky_relu\"", json);
        Assert.Contains("\"noise_scale\"", json);
        var back = TrialSpecJson.Deserialize(json);
        Assert.Equal(json, TrialSpecJson.Serialize(back));
        Assert.Equal([10L, 20L], back.LearningRate.Base!.Milestones);
        Assert.Equal(ScheduleClock.Epoch, back.LearningRate.Base.Every);
        Assert.Equal(64, back.BatchSize.Max);
    }

    [Fact]
    public void GarbageIsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => TrialSpecJson.Deserialize("{\"epochs\": \"many\"}"));
}
