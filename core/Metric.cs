
namespace SweepCluster.Core;

/// <summary>The quantity a sweep ranks by.</summary>
public enum MetricName { ValAccuracy, ValLoss, ValRmse, ValR2, TrainLoss }

public enum MetricGoal { Minimize, Maximize }

/// <summary>A metric and whether larger or smaller is better.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.MetricSpec")]
public sealed record MetricSpec([property: Id(0)] MetricName Name, [property: Id(1)] MetricGoal Goal)
{
    public static MetricSpec DefaultClassification { get; } = new(MetricName.ValAccuracy, MetricGoal.Maximize);
    public static MetricSpec DefaultRegression { get; } = new(MetricName.ValRmse, MetricGoal.Minimize);

    /// <summary>The metric's value in one epoch's record; null when the run has no such value (no validation split).</summary>
    public double? ValueOf(EpochRecord record) => Name switch
    {
        MetricName.ValAccuracy or MetricName.ValRmse => record.ValMetric,
        MetricName.ValLoss => record.ValLoss,
        MetricName.ValR2 => record.ValR2,
        MetricName.TrainLoss => record.TrainLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(record), Name, null),
    };

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public bool IsBetter(double candidate, double incumbent) =>
        Goal == MetricGoal.Maximize ? candidate > incumbent : candidate < incumbent;
}
