using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Tests.Support;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Tests.Training;

public sealed class TrainerTests
{
    private static readonly TrainingData Blobs = SyntheticData.Split(SyntheticData.Blobs(600, 8, 3, seed: 5), validationRows: 150);

    private static TrialSpec Spec(Func<TrialSpec, TrialSpec>? change = null)
    {
        var spec = new TrialSpec
        {
            Model = new ModelSpec { Hidden = [16, 8] },
            Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9 },
            LearningRate = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.05, Alpha = 0.01, Beta = 0.5 },
            WeightDecay = ScheduleSpec.ConstantOf(1e-4),
            BatchSize = ScheduleSpec.ConstantOf(32),
            Epochs = 6,
            Seed = 3,
        };
        return change is null ? spec : change(spec);
    }

    [Fact]
    public void LearnsSeparableBlobs()
    {
        var result = new Trainer(Spec(), Blobs).Run();
        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.Equal(6, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss / 2, "training loss should fall");
        Assert.True(result.Final!.ValMetric > 0.9, $"validation accuracy {result.Final.ValMetric}");
        Assert.Equal(6 * (int)Math.Ceiling(450 / 32.0), result.Final.Step);
    }

    [Fact]
    public void SameSpecAndSeedGiveBitIdenticalHistoriesAndWeights()
    {
        var a = new Trainer(Spec(), Blobs);
        var b = new Trainer(Spec(), Blobs);
        Assert.Equal(a.Run().History, b.Run().History);
        for (var l = 0; l < a.Network.Layers.Count; l++) Assert.Equal(a.Network.Layers[l].Weight, b.Network.Layers[l].Weight);
        var other = new Trainer(Spec(s => s with { Seed = 4 }), Blobs).Run();
        Assert.NotEqual(a.History[^1].TrainLoss, other.History[^1].TrainLoss);
    }

    public static TheoryData<OptimizerKind, ScheduleFamily> ResumeCases() => new()
    {
        { OptimizerKind.Sgd, ScheduleFamily.Plateau },
        { OptimizerKind.Adam, ScheduleFamily.Cosine },
        { OptimizerKind.AdamW, ScheduleFamily.NoiseScale },
        { OptimizerKind.RmsProp, ScheduleFamily.Polynomial },
    };

    [Theory]
    [MemberData(nameof(ResumeCases))]
    public void CheckpointRestoreThenRunEqualsAnUninterruptedRunBitForBit(OptimizerKind optimizer, ScheduleFamily family)
    {
        var spec = Spec(s => s with
        {
            Optimizer = new OptimizerSpec { Type = optimizer, Momentum = optimizer == OptimizerKind.Adam || optimizer == OptimizerKind.AdamW ? 0 : 0.5 },
            LearningRate = family == ScheduleFamily.NoiseScale
                ? ScheduleSpec.ConstantOf(0.01)
                : new ScheduleSpec { Family = family, Initial = 0.01, Beta = 2, Patience = 0, Factor = 0.5 },
            BatchSize = family == ScheduleFamily.NoiseScale
                ? new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 16, Smoothing = 0.5, Min = 4, Max = 128 }
                : ScheduleSpec.ConstantOf(32),
        });
        var uninterrupted = new Trainer(spec, Blobs);
        var expected = uninterrupted.Run();

        byte[]? saved = null;
        using var stop = new CancellationTokenSource();
        var first = new Trainer(spec, Blobs);
        var partial = first.Run(stop.Token, record =>
        {
            if (record.Epoch != 3) return;
            saved = CheckpointSerializer.Serialize(first.Checkpoint());
            stop.Cancel();
        });
        Assert.Equal(TrialOutcome.Cancelled, partial.Outcome);
        Assert.Equal(3, partial.History.Count);

        var resumed = Trainer.Restore(spec, Blobs, CheckpointSerializer.Deserialize(saved));
        var actual = resumed.Run();
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.Applied.LearningRate, actual.Applied.LearningRate);
        Assert.Equal(expected.Applied.BatchSize, actual.Applied.BatchSize);
        for (var l = 0; l < uninterrupted.Network.Layers.Count; l++)
        {
            Assert.Equal(uninterrupted.Network.Layers[l].Weight, resumed.Network.Layers[l].Weight);
            Assert.Equal(uninterrupted.Network.Layers[l].Bias, resumed.Network.Layers[l].Bias);
        }
    }

    [Fact]
    public void AHugeLearningRateDivergesWithoutThrowing()
    {
        var spec = Spec(s => s with { LearningRate = ScheduleSpec.ConstantOf(1e6), Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd } });
        var result = new Trainer(spec, Blobs).Run();
        Assert.Equal(TrialOutcome.Diverged, result.Outcome);
        Assert.Contains("loss became", result.Message);
        Assert.True(result.History.Count < spec.Epochs);
    }

    [Fact]
    public void CancellationStopsBeforeTheNextBatch()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = new Trainer(Spec(), Blobs).Run(cancelled.Token);
        Assert.Equal(TrialOutcome.Cancelled, result.Outcome);
        Assert.Empty(result.History);
    }

    [Fact]
    public void ShuffleOffUsesConsecutiveRowsAndKeepsTheLastPartialBatch()
    {
        var spec = Spec(s => s with { Shuffle = false, BatchSize = ScheduleSpec.ConstantOf(100), Epochs = 1 });
        var result = new Trainer(spec, Blobs).Run();
        Assert.Equal([100, 100, 100, 100, 50], result.Applied.BatchSize);
    }

    [Fact]
    public void ABatchLargerThanTheTrainingSetWithoutMaxIsASpecError()
    {
        var error = Assert.Throws<SpecException>(() => new Trainer(Spec(s => s with { BatchSize = ScheduleSpec.ConstantOf(1000) }), Blobs));
        Assert.Contains(error.Errors, e => e.Field == "batch_size.initial" && e.Message.Contains("450 rows"));
        var clamped = new Trainer(Spec(s => s with { BatchSize = ScheduleSpec.ConstantOf(1000) with { Max = 1000 }, Epochs = 1 }), Blobs).Run();
        Assert.Equal([450], clamped.Applied.BatchSize);
    }

    [Fact]
    public void StepSchedulesApplyTheirValueAtEachStepBeforeTheUpdate()
    {
        var spec = Spec(s => s with { LearningRate = new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 0.1, Gamma = 0.99 }, Epochs = 2 });
        var result = new Trainer(spec, Blobs).Run();
        for (var t = 0; t < result.Applied.LearningRate.Count; t++) Assert.Equal(0.1 * Math.Pow(0.99, t), result.Applied.LearningRate[t], 15);
        Assert.Equal(0.1 * Math.Pow(0.99, 15), result.History[1].LearningRate, 15); // epoch 2 starts at step 15
    }

    [Fact]
    public void GrowingBatchSizeChangesTheStepCountAndTheHorizon()
    {
        var spec = Spec(s => s with
        {
            BatchSize = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 1, Beta = -1, Max = 256 },
            Epochs = 4,
        });
        var trainer = new Trainer(spec, Blobs);
        var result = trainer.Run();
        Assert.Equal([32, 64, 96, 128], result.History.Select(r => r.BatchSize));
        Assert.Equal(15 + 8 + 5 + 4, trainer.TotalSteps);
        Assert.Equal(trainer.TotalSteps, result.Final!.Step);
    }

    [Fact]
    public void RegressionReportsRmseAndRSquared()
    {
        var data = SyntheticData.Split(SyntheticData.Linear(500, 6, 2, seed: 9), validationRows: 100);
        var spec = Spec(s => s with { Model = new ModelSpec { Hidden = [16] }, Epochs = 20, LearningRate = ScheduleSpec.ConstantOf(0.01) });
        var result = new Trainer(spec, data).Run();
        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        Assert.True(result.Final!.ValR2 > 0.9, $"R² {result.Final.ValR2}");
        Assert.Equal(Math.Sqrt(result.Final.ValLoss!.Value), result.Final.ValMetric!.Value, 6);
    }
}

public sealed class CheckpointBytesTests
{
    [Fact]
    public void CheckpointBytesEqualTheSerializedCheckpointAndRestore()
    {
        var data = Support.SyntheticData.Split(Support.SyntheticData.Blobs(200, 4, 2, seed: 1), validationRows: 50);
        var spec = new TrialSpec { Model = new ModelSpec { Hidden = [8] }, Optimizer = new OptimizerSpec { Type = OptimizerKind.Adam }, Epochs = 4 };
        var trainer = new Trainer(spec, data);
        byte[]? atTwo = null;
        using var stop = new CancellationTokenSource();
        trainer.Run(stop.Token, record =>
        {
            if (record.Epoch != 2) return;
            atTwo = trainer.CheckpointBytes();
            Assert.Equal(CheckpointSerializer.Serialize(trainer.Checkpoint()), atTwo);
        });
        var resumed = Trainer.Restore(spec, data, CheckpointSerializer.Deserialize(atTwo));
        Assert.Equal(new Trainer(spec, data).Run().History, resumed.Run().History);
    }
}
