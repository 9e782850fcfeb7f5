// One epoch of a trial's history: written by the engine's trainer, stored and sent by the grains, ranked by the
// schedulers and reports. A plain record with no Orleans reference (abstractions carries its serializer surrogate).
namespace SweepCluster.Core;

/// <summary>One row of a trial's history, written at the end of each epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Step">Optimizer steps completed so far.</param>
/// <param name="TrainLoss">Mean over the epoch's batches, weighted by batch rows.</param>
/// <param name="TrainMetric">Classification: accuracy of the training batches as they were seen; regression: RMSE.</param>
/// <param name="ValLoss">Validation loss; null without a validation split.</param>
/// <param name="ValMetric">Validation accuracy (classification) or RMSE (regression).</param>
/// <param name="ValR2">Regression: validation R² (mean over target columns).</param>
/// <param name="LearningRate">Base learning rate applied at the epoch's first step.</param>
/// <param name="WeightDecay">Weight decay applied at the epoch's first step.</param>
/// <param name="BatchSize">Batch size applied at the epoch's first step.</param>
public sealed record EpochRecord(
    int Epoch,
    long Step,
    double TrainLoss,
    double TrainMetric,
    double? ValLoss,
    double? ValMetric,
    double? ValR2,
    double LearningRate,
    double WeightDecay,
    int BatchSize);
