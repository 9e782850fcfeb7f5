// A completed trial's held-out test evaluation travels with its end into the coordinator's summary and into the
// report's held-out test section, for the top combinations, and changes nothing the sweep decides: not the ranking,
// not the best trial.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class HeldOutTestTests
{
    private const int Epochs = 4;
    private const int TestRows = 30;

    /// <summary>Validation metric rising with the trial index; the test accuracy falling, so it would reverse the order.</summary>
    private static double Metric(int trial) => 0.5 + trial / 100.0;

    private static HeldOutEvaluation Test(int trial) => new(Loss: trial / 10.0, Metric: 0.9 - trial / 100.0, R2: null, TestRows);

    private static MachineScript Finished(bool withTests)
    {
        var script = Started(Specs.FifoGrid, Silo("a", 6));
        script.AnswerAll();
        for (var trial = 0; trial < script.Plan.TotalTrials; trial++)
            script.End(trial, 1, TrialStatus.Completed, Epochs, Metric(trial), test: withTests ? Test(trial) : null);
        return script;
    }

    private static SweepReport Report(MachineScript script) => SweepReportBuilder.Build(SweepReportSource.Input("s", script.Machine));

    [Fact]
    public void TheEndsTestEvaluationIsKeptInTheTrialsSummary()
    {
        var script = Finished(withTests: true);
        Assert.All(Enumerable.Range(0, script.Plan.TotalTrials), trial => Assert.Equal(Test(trial), script[trial].Test));
    }

    [Fact]
    public void AFailedEndKeepsNoTestEvaluation()
    {
        var script = Started(Specs.FifoGrid.Replace("retries: 1", "retries: 0"), Silo("a", 6));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Failed, 1, error: "bad data", test: Test(0));
        Assert.Null(script[0].Test);
    }

    [Fact]
    public void TheTestEvaluationReachesTheReportWithoutChangingTheRanking()
    {
        var withTests = Report(Finished(withTests: true));
        var without = Report(Finished(withTests: false));

        Assert.Null(without.HeldOutTest);
        Assert.Equal(without.Ranking.Select(r => (r.Rank, r.Combination, r.Metric)), withTests.Ranking.Select(r => (r.Rank, r.Combination, r.Metric)));
        Assert.Equal(without.BestTrial!.Index, withTests.BestTrial!.Index);

        var rows = withTests.HeldOutTest!;
        Assert.Equal(withTests.Ranking.Take(HeldOutTestRowsExpected(withTests)).Select(r => (r.Rank, r.Combination)), rows.Select(r => (r.Rank, r.Combination)));
        var plan = Finished(withTests: false).Plan;
        foreach (var row in rows)
        {
            var seeds = Enumerable.Range(0, plan.TotalTrials).Where(t => plan.Configuration(t).Combination == row.Combination).ToArray();
            var expected = MetricStatistics.Of(seeds.Select(t => Test(t).Metric).ToArray())!;
            Assert.Equal((HeldOutTestRow.Accuracy, seeds.Length, expected.Mean, expected.StdDev), (row.MetricName, row.TestMetric.Count, row.TestMetric.Mean, row.TestMetric.StdDev));
            Assert.Equal(seeds.Average(t => Test(t).Loss), row.TestLoss.Mean, 12);
            Assert.Null(row.TestR2);
            Assert.Equal(TestRows, row.TestRows);
        }
    }

    [Fact]
    public void TheTestSectionIsTheSameEveryTimeAndSurvivesJson()
    {
        var first = Report(Finished(withTests: true));
        var again = Report(Finished(withTests: true));
        Assert.Equal(SweepReportJson.Serialize(first), SweepReportJson.Serialize(again));
        var json = SweepReportJson.Serialize(first);
        Assert.Contains("\"held_out_test\":[{\"rank\":1,", json, StringComparison.Ordinal);
        Assert.Contains("\"test_metric\":{", json, StringComparison.Ordinal);
        Assert.Equal(first.HeldOutTest!.Count, SweepReportJson.Deserialize(json).HeldOutTest!.Count);
    }

    private static int HeldOutTestRowsExpected(SweepReport report) => Math.Min(SweepReportBuilder.CurveCombinations, report.Ranking.Count);
}
