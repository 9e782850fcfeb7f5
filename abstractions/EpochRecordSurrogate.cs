// Lets core's EpochRecord (a plain record with no Orleans reference) travel in grain messages and state.
using SweepCluster.Core;

namespace SweepCluster.Abstractions;

[GenerateSerializer, Immutable, Alias("SweepCluster.EpochRecord")]
public readonly record struct EpochRecordSurrogate(
    [property: Id(0)] int Epoch,
    [property: Id(1)] long Step,
    [property: Id(2)] double TrainLoss,
    [property: Id(3)] double TrainMetric,
    [property: Id(4)] double? ValLoss,
    [property: Id(5)] double? ValMetric,
    [property: Id(6)] double? ValR2,
    [property: Id(7)] double LearningRate,
    [property: Id(8)] double WeightDecay,
    [property: Id(9)] int BatchSize);

[RegisterConverter]
public sealed class EpochRecordConverter : IConverter<EpochRecord, EpochRecordSurrogate>
{
    public EpochRecord ConvertFromSurrogate(in EpochRecordSurrogate s) =>
        new(s.Epoch, s.Step, s.TrainLoss, s.TrainMetric, s.ValLoss, s.ValMetric, s.ValR2, s.LearningRate, s.WeightDecay, s.BatchSize);

    public EpochRecordSurrogate ConvertToSurrogate(in EpochRecord r) =>
        new(r.Epoch, r.Step, r.TrainLoss, r.TrainMetric, r.ValLoss, r.ValMetric, r.ValR2, r.LearningRate, r.WeightDecay, r.BatchSize);
}
