// The optimisation history: finishing order with ties by trial index, non-finite values skipped, the running best by goal.
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;

namespace SweepCluster.Reporting.Tests.Analysis;

public sealed class OptimizationHistoryTests
{
    private static readonly FinishedTrial[] Trials =
    [
        new(TrialIndex: 4, FinishOrder: 30, Value: 0.70),
        new(TrialIndex: 0, FinishOrder: 10, Value: 0.50),
        new(TrialIndex: 2, FinishOrder: 20, Value: 0.60),
        new(TrialIndex: 1, FinishOrder: 20, Value: double.NaN),
        new(TrialIndex: 3, FinishOrder: 20, Value: 0.40),
        new(TrialIndex: 5, FinishOrder: 40, Value: 0.70),
    ];

    [Fact]
    public void MaximisingKeepsTheLargestSoFar()
    {
        HistoryPoint[] expected =
        [
            new(1, 0, 10, 0.50, 0.50, true),
            new(2, 2, 20, 0.60, 0.60, true),
            new(3, 3, 20, 0.40, 0.60, false),
            new(4, 4, 30, 0.70, 0.70, true),
            new(5, 5, 40, 0.70, 0.70, false), // equal to the best is not a new best
        ];

        Assert.Equal(expected, OptimizationHistory.Of(Trials, MetricGoal.Maximize));
    }

    [Fact]
    public void MinimisingKeepsTheSmallestSoFar()
    {
        var history = OptimizationHistory.Of(Trials, MetricGoal.Minimize);

        Assert.Equal([0.50, 0.50, 0.40, 0.40, 0.40], history.Select(point => point.BestSoFar));
        Assert.Equal([true, false, true, false, false], history.Select(point => point.IsNewBest));
    }

    [Fact]
    public void NoFiniteValueGivesAnEmptyHistory() =>
        Assert.Empty(OptimizationHistory.Of([new FinishedTrial(0, 0, double.PositiveInfinity)], MetricGoal.Maximize));
}
