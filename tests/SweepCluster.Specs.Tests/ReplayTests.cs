// Replay: a run's applied values written as `schedule: recorded` and trained again give the same bits — for pure,
// adaptive (plateau, noise_scale, fan_in) and PBT-scaled schedules — and recorded specs bind, write and read back.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Specs.Tests;

public sealed class ReplayTests
{
    private static TrialSpec Digits(ScheduleSpec learningRate, ScheduleSpec batchSize, ScheduleSpec? weightDecay = null) => new()
    {
        Dataset = "digits",
        Model = new ModelSpec { Hidden = [32, 16] },
        Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9 },
        LearningRate = learningRate,
        WeightDecay = weightDecay ?? ScheduleSpec.ConstantOf(1e-4),
        BatchSize = batchSize,
        Epochs = 5,
        Seed = 3,
    };

    public static TheoryData<string> Runs => new() { "cosine", "plateau+noise_scale", "fan_in", "scaled" };

    private static TrialSpec Run(string name) => name switch
    {
        "cosine" => Digits(new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1 }, ScheduleSpec.ConstantOf(32),
            new ScheduleSpec { Family = ScheduleFamily.Polynomial, Initial = 1e-3 }),
        "plateau+noise_scale" => Digits(new ScheduleSpec { Family = ScheduleFamily.Plateau, Initial = 0.2, Factor = 0.5, Patience = 0 },
            new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 8, Smoothing = 0, Min = 2, Max = 256 }),
        "fan_in" => Digits(new ScheduleSpec { Family = ScheduleFamily.FanIn, Initial = 0.05, Power = 1 }, ScheduleSpec.ConstantOf(24)),
        _ => Digits(ScheduleSpec.ConstantOf(0.05) with { Scale = 1.2 }, ScheduleSpec.ConstantOf(32) with { Scale = 0.8 }),
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void ARecordedSpecWrittenAsYamlReproducesTheRunBitForBit(string name)
    {
        var spec = Run(name);
        var original = new Trainer(spec, TrainingDataLoader.Load(spec));
        var result = original.Run();
        var replaySpec = ReplaySpecBuilder.Build(spec, original.Checkpoint());
        Assert.Equal(ScheduleFamily.Recorded, replaySpec.LearningRate.Family);

        var yaml = TrialSpecWriter.ToYaml(replaySpec);
        var loaded = TrialSpecLoader.Parse(yaml, SpecFormat.Yaml).Spec;
        var replayed = new Trainer(loaded, TrainingDataLoader.Load(loaded));
        var again = replayed.Run();
        Assert.Equal(result.History, again.History);
        Assert.Equal(result.Applied.LearningRate, again.Applied.LearningRate);
        Assert.Equal(result.Applied.WeightDecay, again.Applied.WeightDecay);
        Assert.Equal(result.Applied.BatchSize, again.Applied.BatchSize);
        Assert.Equal(original.Checkpoint().Weights, replayed.Checkpoint().Weights);
    }

    [Fact]
    public void PiecesAreRunLengthEncodedOnTheEpochClockWhenEveryEpochHoldsOneValue()
    {
        var spec = Run("plateau+noise_scale");
        var trainer = new Trainer(spec, TrainingDataLoader.Load(spec));
        trainer.Run();
        var replay = ReplaySpecBuilder.Build(spec, trainer.Checkpoint());
        Assert.Equal(ScheduleClock.Epoch, replay.LearningRate.Every);
        Assert.Equal(ScheduleClock.Epoch, replay.BatchSize.Every);
        Assert.InRange(replay.LearningRate.Values!.Count, 1, 5);
        var cosine = Run("cosine");
        var cosineTrainer = new Trainer(cosine, TrainingDataLoader.Load(cosine));
        cosineTrainer.Run();
        Assert.Equal(ScheduleClock.Step, ReplaySpecBuilder.Build(cosine, cosineTrainer.Checkpoint()).LearningRate.Every);
    }

    [Theory]
    [InlineData("learning_rate: { schedule: recorded, values: [[1, 0.1]] }", "learning_rate.values[0][0]", "starts at t = 0")]
    [InlineData("learning_rate: { schedule: recorded, values: [[0, 0.1], [0, 0.2]] }", "learning_rate.values[1][0]", "strictly increasing")]
    [InlineData("learning_rate: { schedule: recorded }", "learning_rate", "needs values")]
    [InlineData("batch_size: { schedule: recorded, values: [[0, 2.5]] }", "batch_size.values[0][1]", "whole number")]
    [InlineData("batch_size: { schedule: recorded, values: [[0, 8]], layers: [1] }", "batch_size.layers", "only to a recorded learning_rate")]
    [InlineData("learning_rate: { schedule: recorded, values: [0.1] }", "learning_rate.values[0]", "expected a piece [t, value]")]
    public void BadRecordedSchedulesAreRefusedWithTheirField(string yaml, string field, string message)
    {
        var error = Assert.Throws<SpecException>(() => TrialSpecLoader.Parse(yaml, SpecFormat.Yaml));
        Assert.Contains(error.Errors, e => e.Field == field && e.Message.Contains(message));
    }
}
