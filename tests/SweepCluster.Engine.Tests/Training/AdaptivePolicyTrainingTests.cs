using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Tests.Training;

/// <summary>Each adaptive policy measurably changes training on a built-in dataset.</summary>
public sealed class AdaptivePolicyTrainingTests
{
    private static TrialSpec Digits(ScheduleSpec learningRate, ScheduleSpec? batchSize = null, bool standardize = true, int epochs = 8) => new()
    {
        Dataset = "digits",
        Validation = 0.2,
        Standardize = standardize,
        Model = new ModelSpec { Hidden = [32, 16] },
        Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9 },
        LearningRate = learningRate,
        BatchSize = batchSize ?? ScheduleSpec.ConstantOf(32),
        Epochs = epochs,
        Seed = 2,
    };

    private static TrainingResult Train(TrialSpec spec) => new Trainer(spec, TrainingDataLoader.Load(spec)).Run();

    [Fact]
    public void PlateauHalvesTheLearningRateWhenValidationLossStalls()
    {
        var constant = Train(Digits(ScheduleSpec.ConstantOf(0.2), epochs: 25));
        var plateau = Train(Digits(new ScheduleSpec { Family = ScheduleFamily.Plateau, Initial = 0.2, Factor = 0.5, Patience = 1 }, epochs: 25));
        Assert.All(constant.Applied.LearningRate, lr => Assert.Equal(0.2, lr));
        Assert.True(plateau.Applied.LearningRate[^1] <= 0.1, $"final learning rate {plateau.Applied.LearningRate[^1]}");
        Assert.NotEqual(constant.Final!.TrainLoss, plateau.Final!.TrainLoss);
        Assert.True(plateau.Final.TrainLoss < constant.Final.TrainLoss, "smaller late steps should settle lower");
    }

    [Fact]
    public void NoiseScaleMovesTheBatchSizeToTheMeasuredNoiseScale()
    {
        var spec = Digits(ScheduleSpec.ConstantOf(0.05),
            new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 8, Smoothing = 0.0, Min = 2, Max = 512 });
        var result = Train(spec);
        var batchSizes = result.History.Select(r => r.BatchSize).ToArray();
        Assert.Equal(8, batchSizes[0]);
        Assert.True(batchSizes.Skip(1).Distinct().Count() > 1 || batchSizes[1] != 8, $"batch sizes {string.Join(",", batchSizes)}");
        Assert.Equal(TrialOutcome.Completed, result.Outcome);
    }

    [Fact]
    public void FanInGivesEachLayerItsOwnRate()
    {
        var plain = Train(Digits(ScheduleSpec.ConstantOf(0.05)));
        var fanIn = Train(Digits(new ScheduleSpec { Family = ScheduleFamily.FanIn, Initial = 0.05, Power = 1 }));
        Assert.Equal(plain.Applied.LearningRate, fanIn.Applied.LearningRate); // same base rate ...
        var difference = Math.Abs(plain.Final!.TrainLoss - fanIn.Final!.TrainLoss) / plain.Final.TrainLoss;
        Assert.True(difference > 0.01, $"training loss differs by only {difference:P2}"); // ... but layers 2 and 3 step 2x and 4x
    }

    [Fact]
    public void FeatureScaleKeepsRawPixelInputsTrainable()
    {
        var raw = Train(Digits(ScheduleSpec.ConstantOf(0.1), standardize: false));
        var scaled = Train(Digits(new ScheduleSpec { Family = ScheduleFamily.FeatureScale, Initial = 0.1 }, standardize: false));
        Assert.True(scaled.Applied.LearningRate[0] < 0.01, $"scaled rate {scaled.Applied.LearningRate[0]}");
        Assert.Equal(TrialOutcome.Completed, scaled.Outcome);
        Assert.True(scaled.Final!.ValMetric > 0.85, $"scaled accuracy {scaled.Final.ValMetric}; raw: {raw.Outcome} {raw.Final?.ValMetric}");
        Assert.True(raw.Outcome == TrialOutcome.Diverged || raw.Final!.ValMetric < scaled.Final.ValMetric - 0.05,
            $"raw: {raw.Outcome} {raw.Final?.ValMetric}");
    }
}
