// The report builder: ranking order for both goals, tie-breaking, failed combinations last, counts, summaries,
// best trial, failures and PBT's exploits.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class SweepReportBuilderTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void MaximizeRanksLargestMeanFirst()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Completed("a", 0.80, 0.82)
            .Completed("b", 0.90, 0.92, 0.94)
            .Completed("c", 0.85)
            .Build());

        Assert.Equal([1, 2, 0], report.Ranking.Select(r => r.Combination)); // means 0.92, 0.85, 0.81
        Assert.Equal([1, 2, 3], report.Ranking.Select(r => r.Rank));
        var top = report.Ranking[0];
        Assert.Equal(0.92, top.Metric!.Mean, Tolerance);
        Assert.Equal(0.02, top.Metric.StdDev!.Value, Tolerance);
        Assert.Equal(0.92 - 0.0496828, top.Metric.CiLow!.Value, 1e-6);
        Assert.Equal(3, top.Completed);
        Assert.Equal([new AxisValue("learning_rate", "b")], top.Axes);
    }

    [Fact]
    public void MinimizeRanksSmallestMeanFirst()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultRegression)
            .Completed("a", 0.30)
            .Completed("b", 0.10, 0.14)
            .Completed("c", 0.20)
            .Build());

        Assert.Equal([1, 2, 0], report.Ranking.Select(r => r.Combination));
        Assert.Equal(0.10, report.TopCombination!.Metric, Tolerance); // the better seed of the top combination
    }

    [Fact]
    public void EqualMeansPreferMoreSeedsThenLowerCombination()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Completed("one seed", 0.9)
            .Completed("two seeds, later", 0.9, 0.9)
            .Completed("two seeds, earliest later", 0.9, 0.9)
            .Build());

        Assert.Equal([1, 2, 0], report.Ranking.Select(r => r.Combination));
    }

    [Fact]
    public void CombinationsWithoutACompletedSeedRankLast()
    {
        var spec = new TrialSpec();
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultRegression)
            .Combination([("learning_rate", "huge")], spec, SeedOutcome.Diverged(), SeedOutcome.Diverged())
            .Combination([("learning_rate", "broken")], spec, SeedOutcome.Failed("boom"), SeedOutcome.Diverged())
            .Completed("worst but finished", 99.0)
            .Build());

        Assert.Equal([2, 0, 1], report.Ranking.Select(r => r.Combination));
        Assert.Null(report.Ranking[1].Metric);
        Assert.Equal(2, report.Ranking[1].Diverged);
        Assert.Equal(1, report.Ranking[2].Failed);
        Assert.Equal(1, report.Ranking[2].Diverged);
        Assert.Equal([0, 1, 2, 3], report.Failures.Select(f => f.Index));
        Assert.Contains(report.Failures, f => f.Status == TrialStatus.Failed && f.Error == "boom");
    }

    [Fact]
    public void PrunedCombinationsRankAfterCompletedOnesFurthestFirstAndBeforeDivergedOnes()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.SuccessiveHalving().Build());

        // Completed by metric; then pruned, the one that reached epoch 3 before those stopped at epoch 1 (by number);
        // the diverged combination last, though it ran 2 epochs.
        Assert.Equal([5, 3, 4, 0, 1, 2], report.Ranking.Select(r => r.Combination));
        Assert.Equal([0, 0, 1, 1, 1, 0], report.Ranking.Select(r => r.Pruned));
        Assert.All(report.Ranking.Skip(2), r => Assert.Null(r.Metric));
        Assert.Equal([(0, 1), (1, 1), (4, 3)], report.Stopped!.Select(s => (s.Index, s.Epoch)));
    }

    [Fact]
    public void HeaderCountsEveryStatusIncludingPendingTrialsWithoutResult()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var header = report.Header;

        Assert.Equal(27, header.TotalTrials);
        Assert.Equal(1, header.CountOf(TrialStatus.Pending));
        Assert.Equal(1, header.CountOf(TrialStatus.Running));
        Assert.Equal(4, header.CountOf(TrialStatus.Diverged));
        Assert.Equal(2, header.CountOf(TrialStatus.Failed));
        Assert.Equal(19, header.CountOf(TrialStatus.Completed));
        Assert.Equal(header.TotalTrials, header.StatusCounts.Sum(c => c.Count));
        Assert.Equal(Enum.GetValues<TrialStatus>().Length, header.StatusCounts.Count);
        Assert.Equal(report.Ranking.Sum(r => r.WallSeconds), header.ComputeSeconds, Tolerance);
        Assert.Equal(header.ComputeSeconds / 26, header.MeanComputeSeconds!.Value, Tolerance); // 26 trials have run
    }

    [Fact]
    public void RankingRowAggregatesEpochsWallTimeAndSilos()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var partial = report.Ranking.Single(r => r.Combination == 8); // completed + running + pending

        Assert.Equal(3, partial.Trials);
        Assert.Equal(1, partial.Completed);
        Assert.Equal((SyntheticSweep.DefaultEpochs + 4) / 2.0, partial.MeanEpochs!.Value, Tolerance);
        Assert.Equal((SyntheticSweep.DefaultEpochs + 4) * 1.5, partial.WallSeconds, Tolerance);
        Assert.Equal(["silo-a", "silo-b"], partial.Silos); // trials 24 and 25 ran; 26 is pending
        Assert.Null(partial.Metric!.StdDev);
    }

    [Fact]
    public void RealisticRankingPutsTheCosineScheduleFirstAndTheDivergingRateLast()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());

        Assert.Equal("cosine(0.2 → 0)", report.Ranking[0].Axes[0].Value);
        Assert.Equal("constant(32)", report.Ranking[0].Axes[1].Value);
        Assert.All(report.Ranking.TakeLast(2), row => Assert.Null(row.Metric));
        Assert.Equal(SweepReportBuilder.CurveCombinations, report.TopCurves.Count);
        Assert.Equal([1, 2, 3, 4, 5], report.TopCurves.Select(c => c.Rank));
        Assert.Same(report.TopCurves[0], report.TopCombination);
        Assert.Equal(SyntheticSweep.DefaultEpochs, report.TopCombination!.History.Count);
    }

    [Fact]
    public void AxisSummaryHasEveryValueInFirstAppearanceOrder()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());

        Assert.Equal(["learning_rate", "batch_size"], report.Axes.Select(a => a.Path));
        var rates = report.Axes[0].Values;
        Assert.Equal(["constant(0.05)", "inverse_time(0.1, α=0.01, β=0.5)", "cosine(0.2 → 0)", "constant(3)", "constant(0.01)"],
            rates.Select(v => v.Value));
        var cosine = rates[2];
        Assert.Equal(6, cosine.Completed);
        // seeds (0.962 + noise) and (0.950 + noise), noise ∈ {0.004, −0.003, 0.001}
        Assert.Equal((0.966 + 0.959 + 0.963 + 0.954 + 0.947 + 0.951) / 6, cosine.Mean!.Value, Tolerance);
        Assert.Equal(0.966, cosine.Best!.Value, Tolerance);
        Assert.Null(rates[3].Mean);
        Assert.Equal(0, rates[3].Completed);
        Assert.Equal(6, rates[3].Trials);
    }

    [Fact]
    public void FamilySummaryGroupsCompletedTrialsBySchedule()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());

        var learningRate = report.Families.Where(f => f.Target == ScheduleTarget.LearningRate).ToArray();
        Assert.Equal(["constant", "inverse_time", "cosine"], learningRate.Select(f => f.Family));
        var constant = learningRate[0];
        Assert.Equal(6 + 6 + 3, constant.Trials); // constant(0.05), constant(3), constant(0.01)
        Assert.Equal(7, constant.Values.Count);
        Assert.Equal(constant.Values.Average(), constant.Metric!.Mean, Tolerance);
        Assert.NotNull(constant.Metric.StdDev);

        Assert.Equal(["constant", "step"], report.Families.Where(f => f.Target == ScheduleTarget.BatchSize).Select(f => f.Family));
        var weightDecay = Assert.Single(report.Families, f => f.Target == ScheduleTarget.WeightDecay);
        Assert.Equal(19, weightDecay.Values.Count);
    }

    [Fact]
    public void EmptySweepHasNoBestTrial()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Combination([("learning_rate", "x")], new TrialSpec(), SeedOutcome.Pending)
            .Build(SweepStatus.Running));

        Assert.Null(report.TopCombination);
        Assert.Empty(report.TopCurves);
        Assert.Null(report.Header.MeanComputeSeconds);
        Assert.Null(report.Header.FinishedAt);
    }

    [Fact]
    public void MetricFallsBackToTheLastEpochWhenTheResultHasNone()
    {
        var input = new SyntheticSweep(MetricSpec.DefaultClassification).Completed("a", 0.75).Build();
        input = input with { Results = [input.Results[0] with { Metric = null }] };

        var report = SweepReportBuilder.Build(input);

        Assert.Equal(0.75, report.Ranking[0].Metric!.Mean, Tolerance);
    }

    [Fact]
    public void ResultWithoutTrialIsRejected()
    {
        var input = new SyntheticSweep(MetricSpec.DefaultClassification).Completed("a", 0.75).Build();
        var stray = input.Results[0] with { Index = 99 };

        Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build(input with { Results = [stray] }));
        Assert.Throws<ArgumentException>(() => SweepReportBuilder.Build(input with { Results = [input.Results[0], input.Results[0]] }));
    }

    [Fact]
    public void ExploitsAreListedByTrialThenEpochWithTheExploreStepInWordsAndTheRankingKeepsTheSampledAxes()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.PopulationBasedTraining().Build());

        var exploits = report.Exploits!;
        Assert.Equal([(2, 2, 0), (3, 2, 1), (3, 4, 0)], exploits.Select(e => (e.Index, e.Exploit.Epoch, e.Exploit.DonorIndex)));
        Assert.Equal([2, 3, 3], exploits.Select(e => e.Combination));
        Assert.All(exploits, e => Assert.Equal(1L, e.Seed));
        Assert.Equal(new ExploitEvent(2, 0, 0.8, 1.2, 0.8), exploits[0].Exploit);
        Assert.Equal("learning rate ×0.8, weight decay ×1.2, batch size ×0.8", exploits[0].Explore);
        Assert.Equal("learning rate ×1.2, weight decay ×0.8, batch size ×1.2", exploits[1].Explore);
        Assert.Equal("resampled from the search space (draw 1)", exploits[2].Explore);
        Assert.Equal("constant(0.003)", Assert.Single(report.Ranking, r => r.Combination == 3).Axes.Single().Value);
    }

    [Fact]
    public void ASweepWithoutPbtHasNoExploits() =>
        Assert.Empty(SweepReportBuilder.Build(SyntheticSweep.Realistic()).Exploits!);
}
