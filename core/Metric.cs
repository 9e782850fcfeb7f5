
namespace SweepCluster.Core;

/// <summary>The quantity a sweep ranks by, or one of a multi-objective sweep's objectives.</summary>
/// <remarks><see cref="Steps"/> is a cost (the optimiser steps taken so far): it may be an objective, never the metric
/// trials are ranked by.</remarks>
public enum MetricName { ValAccuracy, ValLoss, ValRmse, ValR2, TrainLoss, Steps }

public enum MetricGoal { Minimize, Maximize }

/// <summary>A metric and whether larger or smaller is better.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.MetricSpec")]
public sealed record MetricSpec([property: Id(0)] MetricName Name, [property: Id(1)] MetricGoal Goal)
{
    public static MetricSpec DefaultClassification { get; } = new(MetricName.ValAccuracy, MetricGoal.Maximize);
    public static MetricSpec DefaultRegression { get; } = new(MetricName.ValRmse, MetricGoal.Minimize);

    /// <summary>The direction in which <paramref name="name"/> gets better: accuracy and R² maximise; losses, RMSE and
    /// steps minimise.</summary>
    public static MetricGoal NaturalGoalOf(MetricName name) =>
        name is MetricName.ValAccuracy or MetricName.ValR2 ? MetricGoal.Maximize : MetricGoal.Minimize;

    /// <summary>Whether trials may be ranked by <paramref name="name"/>: every metric except a cost such as
    /// <see cref="MetricName.Steps"/>, which is only ever one objective of several.</summary>
    public static bool CanRankBy(MetricName name) => name != MetricName.Steps;

    /// <summary>The metric's value in one epoch's record; null when the run has no such value (no validation split).</summary>
    public double? ValueOf(EpochRecord record) => Name switch
    {
        MetricName.ValAccuracy or MetricName.ValRmse => record.ValMetric,
        MetricName.ValLoss => record.ValLoss,
        MetricName.ValR2 => record.ValR2,
        MetricName.TrainLoss => record.TrainLoss,
        MetricName.Steps => record.Step,
        _ => throw new ArgumentOutOfRangeException(nameof(record), Name, null),
    };

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public bool IsBetter(double candidate, double incumbent) =>
        Goal == MetricGoal.Maximize ? candidate > incumbent : candidate < incumbent;
}
