// A multi-objective sweep's Pareto front in the report: each combination's mean of every objective over its completed
// seeds, the combinations no other beats on every objective (ties all kept, a dominated one and one with no completed
// seed left out), sorted by the primary objective; shown in every text format and in the JSON, absent from a
// single-objective sweep's report.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class ParetoFrontReportTests
{
    private static readonly MetricSpec Accuracy = MetricSpec.DefaultClassification;
    private static readonly MetricSpec Steps = new(MetricName.Steps, MetricGoal.Minimize);
    private static readonly MetricSpec[] AccuracyAndSteps = [Accuracy, Steps];

    /// <summary>Combinations by label with each seed's (accuracy, steps), as a coordinator's summaries give them (no
    /// histories); "failed" has no completed seed.</summary>
    private static SweepReportInput Known()
    {
        (string Label, (double Accuracy, double Steps)[] Seeds)[] combinations =
        [
            ("cheap", [(0.90, 1000)]),
            ("accurate", [(0.95, 2000)]),
            ("dominated", [(0.85, 1500)]),        // worse than cheap on both
            ("cheap-twin", [(0.90, 1000)]),       // equal to cheap: neither dominates, both stay
            ("best-of-two", [(0.96, 3000), (0.98, 5000)]),
        ];
        var sweep = new SyntheticSweep(Accuracy);
        var index = 0;
        foreach (var (label, seeds) in combinations)
        {
            sweep.Completed(label, seeds.Select(s => s.Accuracy).ToArray());
            foreach (var seed in seeds)
            {
                double[] objectives = [seed.Accuracy, seed.Steps];
                sweep.WithResult(index++, r => r with { History = [], EpochsRun = SyntheticSweep.DefaultEpochs, Objectives = objectives });
            }
        }
        sweep.Combination([("learning_rate", "failed")], new Core.Specs.TrialSpec(), SeedOutcome.Failed("out of memory"));
        return sweep.Build() with { Objectives = AccuracyAndSteps };
    }

    private static string LabelOf(ParetoFrontRow row) => row.Axes.Single().Value;

    [Fact]
    public void TheFrontIsTheNonDominatedCombinationsSortedByThePrimary()
    {
        var front = SweepReportBuilder.Build(Known()).ParetoFront!;
        Assert.Equal(["best-of-two", "accurate", "cheap", "cheap-twin"], front.Rows.Select(LabelOf));
        Assert.Equal(5, front.Compared);
        Assert.Equal(AccuracyAndSteps, front.Objectives);
        Assert.Equal(Accuracy, front.Primary);
    }

    [Fact]
    public void EachRowHoldsEveryObjectivesMeanOverItsCompletedSeedsAndItsRank()
    {
        var report = SweepReportBuilder.Build(Known());
        var best = report.ParetoFront!.Rows[0];
        Assert.Equal(0.97, best.Means[0], 12);
        Assert.Equal(4000, best.Means[1], 12);
        Assert.Equal(2, best.Seeds);
        Assert.All(report.ParetoFront.Rows, row => Assert.Equal(report.Ranking.Single(r => r.Combination == row.Combination).Rank, row.Rank));
    }

    [Fact]
    public void ObjectivesComeFromTheLastEpochWhenTheHistoryIsThere()
    {
        var input = SyntheticSweep.Realistic() with { Objectives = [Accuracy, new MetricSpec(MetricName.ValLoss, MetricGoal.Minimize)] };
        var front = SweepReportBuilder.Build(input).ParetoFront!;
        Assert.NotEmpty(front.Rows);
        var completed = input.Results.Where(r => r.Status == TrialStatus.Completed).ToArray();
        var combinations = input.Trials.Where(t => completed.Any(r => r.Index == t.Index)).Select(t => t.Combination).Distinct().Count();
        Assert.Equal(combinations, front.Compared);
        var top = front.Rows[0];
        var seeds = completed.Where(r => r.Combination == top.Combination).ToArray();
        Assert.Equal(seeds.Average(r => r.History[^1].ValMetric!.Value), top.Means[0], 12);
        Assert.Equal(seeds.Average(r => r.History[^1].ValLoss!.Value), top.Means[1], 12);
    }

    [Fact]
    public void ASingleObjectiveReportHasNoFrontAndItsJsonNoField()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        Assert.Null(report.ParetoFront);
        Assert.DoesNotContain("pareto", SweepReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasTheFrontAndReadsBack()
    {
        var json = SweepReportJson.Serialize(SweepReportBuilder.Build(Known()));
        Assert.Contains("\"pareto_front\":{\"objectives\":[{\"name\":\"val_accuracy\",\"goal\":\"maximize\"},{\"name\":\"steps\",\"goal\":\"minimize\"}]", json, StringComparison.Ordinal);
        Assert.Contains("\"compared\":5", json, StringComparison.Ordinal);
        Assert.Equal(json, SweepReportJson.Serialize(SweepReportJson.Deserialize(json)));
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void EveryTextFormatShowsTheFrontWithWhatWasCompared(ReportFormat format)
    {
        // Markdown escapes the underscores and hyphens of metric names and labels.
        var text = ReportRenderers.Render(SweepReportBuilder.Build(Known()), format).ReplaceLineEndings(" ").Replace("\\", "", StringComparison.Ordinal);
        Assert.Contains("Pareto front", text, StringComparison.Ordinal);
        Assert.Contains("4 of 5 combinations with a completed seed are on the front, compared on val_accuracy (maximize) and steps (minimize); sorted by val_accuracy.", text, StringComparison.Ordinal);
        foreach (var label in new[] { "best-of-two", "accurate", "cheap-twin" }) Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.Contains("4000", text, StringComparison.Ordinal);
        Assert.Contains("0.9700", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pareto front", ReportRenderers.Render(SweepReportBuilder.Build(SyntheticSweep.Realistic()), format), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvMarksEachCombinationOnTheFront()
    {
        var report = SweepReportBuilder.Build(Known());
        var lines = ReportRenderers.Render(report, ReportFormat.Csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "pareto_front");
        Assert.True(column > 0, lines[0]);
        var labelColumn = Array.IndexOf(header, "learning_rate");
        var marks = lines.Skip(1).Select(line => line.Split(',')).ToDictionary(fields => fields[labelColumn], fields => fields[column]);
        Assert.Equal("true", marks["best-of-two"]);
        Assert.Equal("true", marks["cheap-twin"]);
        Assert.Equal("false", marks["dominated"]);
        Assert.Equal("false", marks["failed"]);
        Assert.DoesNotContain("pareto_front", ReportRenderers.Render(SweepReportBuilder.Build(SyntheticSweep.Realistic()), ReportFormat.Csv), StringComparison.Ordinal);
    }
}
