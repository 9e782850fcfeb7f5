// The held-out test split's evaluation of a trial: computed once by the engine on a completed trial's final weights,
// carried with the trial's end to its coordinator and into the report. Nothing that decides (early stopping, trial
// schedulers, adaptive policies, ranking) reads it.
namespace SweepCluster.Core;

/// <summary>Loss and metric of a trial's final weights on its held-out test rows.</summary>
/// <param name="Loss">Mean loss over the test rows.</param>
/// <param name="Metric">Accuracy (classification) or RMSE (regression).</param>
/// <param name="R2">Regression only: R², averaged over target columns.</param>
/// <param name="Rows">How many rows the test split holds.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.HeldOutEvaluation")]
public sealed record HeldOutEvaluation(
    [property: Id(0)] double Loss,
    [property: Id(1)] double Metric,
    [property: Id(2)] double? R2,
    [property: Id(3)] int Rows);
