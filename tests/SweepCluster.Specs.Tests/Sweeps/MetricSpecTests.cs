// What a metric reads from an epoch's record, which way each metric gets better, and which may rank trials: steps is
// the optimiser steps taken so far, a cost that is minimised and only ever one objective of several.
using SweepCluster.Core;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class MetricSpecTests
{
    private static readonly EpochRecord Record = new(Epoch: 3, Step: 1_234, TrainLoss: 0.5, TrainMetric: 0.8, ValLoss: 0.6,
        ValMetric: 0.75, ValR2: null, LearningRate: 0.1, WeightDecay: 0, BatchSize: 32);

    [Fact]
    public void StepsIsTheRecordsOptimiserStepCount()
    {
        var steps = new MetricSpec(MetricName.Steps, MetricGoal.Minimize);
        Assert.Equal(1_234.0, steps.ValueOf(Record));
        Assert.True(steps.IsBetter(1_000, 1_234));
    }

    [Fact]
    public void EveryMetricHasAValueOrReportsItsAbsence()
    {
        foreach (var name in Enum.GetValues<MetricName>())
            _ = new MetricSpec(name, MetricSpec.NaturalGoalOf(name)).ValueOf(Record);
        Assert.Null(new MetricSpec(MetricName.ValR2, MetricGoal.Maximize).ValueOf(Record));
    }

    [Theory]
    [InlineData(MetricName.ValAccuracy, MetricGoal.Maximize)]
    [InlineData(MetricName.ValR2, MetricGoal.Maximize)]
    [InlineData(MetricName.ValLoss, MetricGoal.Minimize)]
    [InlineData(MetricName.ValRmse, MetricGoal.Minimize)]
    [InlineData(MetricName.TrainLoss, MetricGoal.Minimize)]
    [InlineData(MetricName.Steps, MetricGoal.Minimize)]
    public void EachMetricHasItsNaturalGoal(MetricName name, MetricGoal goal) => Assert.Equal(goal, MetricSpec.NaturalGoalOf(name));

    [Fact]
    public void OnlyStepsCannotRankTrials() =>
        Assert.Equal([MetricName.Steps], Enum.GetValues<MetricName>().Where(name => !MetricSpec.CanRankBy(name)));
}
