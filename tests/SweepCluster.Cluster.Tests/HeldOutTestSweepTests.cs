// A sweep with a held-out test split on a real three-silo cluster: each completed trial's test evaluation travels from
// its trial grain to the coordinator and into the report's held-out test section, and equals what a direct engine run
// of the same trial measures.
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cluster.Tests;

public sealed class HeldOutTestSweepTests(ThreeSiloCluster fixture) : IClassFixture<ThreeSiloCluster>
{
    private const string IrisWithTest = """
        name: iris-test-split
        dataset: iris
        validation: 0.2
        test: 0.2
        model: { hidden: [8] }
        learning_rate: [0.05, 0.2]
        seeds: [1, 2]
        epochs: 3
        """;

    [Fact]
    public async Task TheTestEvaluationOfEveryTrialReachesTheReportAsADirectRunMeasuresIt()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "iris-test-split", IrisWithTest);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        var report = await SweepDriver.ReportAsync(coordinator);

        var searcher = SearcherFactory.Create(SweepSpecLoader.Parse(IrisWithTest, SpecFormat.Yaml, "iris-test-split.yaml"));
        var rows = report.HeldOutTest!;
        Assert.Equal(report.Ranking.Select(r => r.Combination), rows.Select(r => r.Combination));
        foreach (var row in rows)
        {
            var direct = Enumerable.Range(0, searcher.TotalTrials).Select(searcher.Suggest).Where(t => t.Combination == row.Combination)
                .Select(t => new Trainer(t.Spec, TrainingDataLoader.Load(t.Spec)).Run().Test!).ToArray();
            Assert.Equal(direct.Length, row.TestMetric.Count);
            Assert.Equal(direct.Average(t => t.Metric), row.TestMetric.Mean, 12);
            Assert.Equal(direct.Average(t => t.Loss), row.TestLoss.Mean, 12);
        }
    }
}
