// The report's held-out test section: for each of the top combinations, its completed seeds' evaluations on the
// held-out test rows, measured once per trial on its final weights. No decision saw those rows: not training, early
// stopping, the trial schedulers, adaptive policies nor the ranking, which the rows follow and never reorder.
using System.Text.Json.Serialization;

namespace SweepCluster.Core.Reports;

/// <summary>One top combination's held-out test evaluation, over its completed seeds that have one.</summary>
/// <param name="Rank">The combination's rank in the ranking (decided without these numbers).</param>
/// <param name="Axes">The combination's searched values.</param>
/// <param name="MetricName">What <paramref name="TestMetric"/> measures: "accuracy" (classification) or "rmse" (regression).</param>
/// <param name="TestMetric">Accuracy or RMSE on the test rows: mean ± sample standard deviation over seeds.</param>
/// <param name="TestLoss">The loss on the test rows over the same seeds.</param>
/// <param name="TestR2">Regression only: R² on the test rows over the same seeds; null (and absent from JSON) otherwise.</param>
/// <param name="TestRows">How many rows the test split holds.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.HeldOutTestRow")]
public sealed record HeldOutTestRow(
    [property: Id(0)] int Rank,
    [property: Id(1)] int Combination,
    [property: Id(2)] IReadOnlyList<AxisValue> Axes,
    [property: Id(3)] string MetricName,
    [property: Id(4)] MetricStatistics TestMetric,
    [property: Id(5)] MetricStatistics TestLoss,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MetricStatistics? TestR2,
    [property: Id(7)] int TestRows)
{
    /// <summary><see cref="MetricName"/> of a classification sweep.</summary>
    public const string Accuracy = "accuracy";

    /// <summary><see cref="MetricName"/> of a regression sweep.</summary>
    public const string Rmse = "rmse";
}
