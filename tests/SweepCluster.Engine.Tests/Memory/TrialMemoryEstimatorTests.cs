// The memory estimate against sizes worked out by hand for a small model, the largest batch a trial can reach, the
// optimizers' state, absurd sizes that must saturate instead of overflowing, and the real allocation of a trainer.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Tests.Support;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Tests.Memory;

public sealed class TrialMemoryEstimatorTests
{
    /// <summary>How far the estimate may be from what a trainer really allocates, either way. Measured: 0.89 (the
    /// trainer also allocates a workspace for its first, smaller batch before evaluation grows it).</summary>
    private const double AllocationFactor = 1.5;

    // 4 features, 3 classes, 100 training rows, no validation.
    private static readonly TrialShape Small = new(Features: 4, Outputs: 3, TrainRows: 100, ValidationRows: 0, TaskKind.Classification);

    private static TrialSpec Spec(IReadOnlyList<int> hidden, OptimizerKind optimizer, ScheduleSpec batchSize) => new()
    {
        Model = new ModelSpec { Hidden = hidden },
        Optimizer = new OptimizerSpec { Type = optimizer },
        BatchSize = batchSize,
    };

    [Fact]
    public void ASmallModelMatchesTheSizesWorkedOutByHand()
    {
        var estimate = TrialMemoryEstimator.Estimate(Spec([8], OptimizerKind.Adam, ScheduleSpec.ConstantOf(10)), Small);

        // P = W1 (4, 8) + b1 (8) + W2 (8, 3) + b2 (3) = 32 + 8 + 24 + 3 = 67 floats = 268 bytes.
        Assert.Equal(268, estimate.Parameters);
        Assert.Equal(268, estimate.Gradients);
        Assert.Equal(2 * 268, estimate.OptimizerState);                 // adam: m and v
        // Per row: z and a for both layers (2·(8 + 3)) + two scratch gradients of the widest size (2·8) = 38 floats;
        // batch 10: 380 floats = 1,520 bytes.
        Assert.Equal(1520, estimate.Activations);
        // x (100, 4) floats 1,600 + labels (100) ints 400 + order (100) ints 400.
        Assert.Equal(2400, estimate.BatchStaging);
        Assert.Equal(2 * (268 + 2 * 268), estimate.Checkpoint);       // two copies while it is serialized
        Assert.Equal(10, estimate.LargestBatch);
        Assert.Equal(268 + 268 + 536 + 1520 + 2400 + 1608, estimate.Total);
    }

    [Fact]
    public void TheLargestBatchIsTheScheduleMaxTheFixedSizeOrTheWholeTrainingSet()
    {
        var growing = new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 8, Gamma = 2, Every = ScheduleClock.Epoch };
        Assert.Equal(64, TrialMemoryEstimator.LargestBatch(growing with { Max = 64 }, trainRows: 100));
        Assert.Equal(100, TrialMemoryEstimator.LargestBatch(growing, trainRows: 100));
        Assert.Equal(32, TrialMemoryEstimator.LargestBatch(ScheduleSpec.ConstantOf(32), trainRows: 100));
        Assert.Equal(40, TrialMemoryEstimator.LargestBatch(ScheduleSpec.ConstantOf(32) with { Scale = 1.25 }, trainRows: 100)); // PBT
        Assert.Equal(100, TrialMemoryEstimator.LargestBatch(ScheduleSpec.ConstantOf(500) with { Max = 1000 }, trainRows: 100));
    }

    [Fact]
    public void ValidationRunsThroughTheWorkspaceInChunks()
    {
        var withValidation = Small with { ValidationRows = 1000 };
        var estimate = TrialMemoryEstimator.Estimate(Spec([8], OptimizerKind.Sgd, ScheduleSpec.ConstantOf(10)), withValidation);
        Assert.Equal(Evaluation.ChunkRows, estimate.LargestBatch);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.0, 0)]
    [InlineData(OptimizerKind.Sgd, 0.9, 1)]
    [InlineData(OptimizerKind.Adam, 0.0, 2)]
    [InlineData(OptimizerKind.AdamW, 0.0, 2)]
    [InlineData(OptimizerKind.RmsProp, 0.0, 3)]
    public void OptimizerStateIsWhatEachOptimizerAllocates(OptimizerKind kind, double momentum, int buffers) =>
        Assert.Equal(buffers, TrialMemoryEstimator.OptimizerBuffers(new OptimizerSpec { Type = kind, Momentum = momentum }));

    [Fact]
    public void AbsurdSizesSaturateInsteadOfOverflowing()
    {
        var absurd = Spec([int.MaxValue, int.MaxValue, int.MaxValue], OptimizerKind.Adam, ScheduleSpec.ConstantOf(32));
        Assert.Equal(long.MaxValue, TrialMemoryEstimator.Estimate(absurd, Small).Total);

        // hidden [1000000000] on 64 features and 10 classes: P = 64e9 + 1e9 + 10e9 + 10 floats, 300 GB, no overflow.
        var billion = TrialMemoryEstimator.Estimate(Spec([1_000_000_000], OptimizerKind.Sgd, ScheduleSpec.ConstantOf(32)),
            Small with { Features = 64, Outputs = 10 });
        Assert.Equal(4L * (64_000_000_000 + 1_000_000_000 + 10_000_000_000 + 10), billion.Parameters);
    }

    [Fact]
    public void TheEstimateIsCloseToWhatATrainerReallyAllocates()
    {
        // 450 training rows of 8 features, 3 classes, 150 validation rows; P ≈ 136k floats, so the model dominates.
        var data = SyntheticData.Split(SyntheticData.Blobs(600, 8, 3, seed: 5), validationRows: 150);
        var spec = Spec([512, 256], OptimizerKind.Adam, ScheduleSpec.ConstantOf(32)) with { Epochs = 1 };
        var estimate = TrialMemoryEstimator.Estimate(spec, TrialShape.Of(data));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var trainer = new Trainer(spec, data);
        trainer.Run();
        var checkpoint = trainer.CheckpointBytes();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(checkpoint.Length > 0);
        var ratio = (double)estimate.Total / allocated;
        Assert.True(ratio > 1 / AllocationFactor && ratio < AllocationFactor,
            $"estimate {estimate.Total:N0} bytes, allocated {allocated:N0} bytes (ratio {ratio:F2})");
    }
}
