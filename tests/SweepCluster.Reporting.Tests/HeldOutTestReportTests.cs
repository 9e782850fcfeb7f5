// The report's held-out test section: built for the top combinations from the completed seeds' test evaluations,
// after the ranking and without changing it; labelled in every format as measured once on data no decision saw;
// absent from every format when no trial has a test split; the same every time.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class HeldOutTestReportTests
{
    private const int TestRows = 40;

    /// <summary>A test accuracy that falls as the trial index rises: ranked by it, the order would differ.</summary>
    private static HeldOutEvaluation Classification(int index) => new(Loss: 0.1 * index, Metric: 1 - index / 100.0, R2: null, TestRows);

    private static HeldOutEvaluation Regression(int index) => new(Loss: 0.01 * index, Metric: 0.1 + index / 100.0, R2: 0.9 - index / 100.0, TestRows);

    private static SweepReportInput WithTests(SweepReportInput input, Func<int, HeldOutEvaluation> test) => input with
    {
        Results = input.Results.Select(r => r.Status == TrialStatus.Completed ? r with { Test = test(r.Index) } : r).ToArray(),
    };

    private static SweepReport Realistic(Func<int, HeldOutEvaluation>? test = null)
    {
        var input = SyntheticSweep.Realistic();
        return SweepReportBuilder.Build(test is null ? input : WithTests(input, test));
    }

    [Fact]
    public void TheSectionCoversTheTopCombinationsInRankOrderWithoutChangingTheRanking()
    {
        var plain = Realistic();
        var tested = Realistic(Classification);

        Assert.Null(plain.HeldOutTest);
        Assert.Equal(SweepReportJson.Serialize(plain with { HeldOutTest = null }), SweepReportJson.Serialize(tested with { HeldOutTest = null }));
        var ranked = tested.Ranking.Where(r => r.Metric is not null).Take(SweepReportBuilder.CurveCombinations).ToArray();
        Assert.Equal(ranked.Select(r => (r.Rank, r.Combination)), tested.HeldOutTest!.Select(r => (r.Rank, r.Combination)));
    }

    [Fact]
    public void EachRowIsTheMeanAndStdOfItsCompletedSeeds()
    {
        var input = WithTests(SyntheticSweep.Realistic(), Classification);
        var report = SweepReportBuilder.Build(input);
        foreach (var row in report.HeldOutTest!)
        {
            var seeds = input.Trials.Where(t => t.Combination == row.Combination).Select(t => t.Index)
                .Where(i => input.Results.Any(r => r.Index == i && r.Status == TrialStatus.Completed)).ToArray();
            var metrics = seeds.Select(i => Classification(i).Metric).ToArray();
            Assert.Equal(HeldOutTestRow.Accuracy, row.MetricName);
            Assert.Equal(MetricStatistics.Of(metrics), row.TestMetric);
            Assert.Equal(MetricStatistics.Of(seeds.Select(i => Classification(i).Loss).ToArray()), row.TestLoss);
            Assert.Null(row.TestR2);
            Assert.Equal(TestRows, row.TestRows);
        }
    }

    [Fact]
    public void ARegressionSweepShowsRmseAndRSquared()
    {
        var row = Realistic(Regression).HeldOutTest![0];
        Assert.Equal(HeldOutTestRow.Rmse, row.MetricName);
        Assert.NotNull(row.TestR2);
        Assert.Contains("test R²", ReportRenderers.Render(Realistic(Regression), ReportFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonHasNamedFieldsAndReadsBack()
    {
        var report = Realistic(Classification);
        var json = SweepReportJson.Serialize(report);
        Assert.Contains("\"held_out_test\":[{\"rank\":1,", json, StringComparison.Ordinal);
        foreach (var field in new[] { "\"metric_name\":\"accuracy\"", "\"test_metric\":{\"count\":", "\"test_loss\":{", "\"test_rows\":40" })
            Assert.Contains(field, json, StringComparison.Ordinal);
        Assert.DoesNotContain("test_r2", json, StringComparison.Ordinal);
        Assert.Equal(json, SweepReportJson.Serialize(SweepReportJson.Deserialize(json)));
        Assert.DoesNotContain("held_out_test", SweepReportJson.Serialize(Realistic()), StringComparison.Ordinal);
    }

    [Fact]
    public void CsvGetsTestColumnsFilledForTheSectionsCombinationsOnly()
    {
        var report = Realistic(Classification);
        var lines = ReportRenderers.Render(report, ReportFormat.Csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",test_metric_name,test_metric_mean,test_metric_std,test_loss_mean,test_seeds", lines[0], StringComparison.Ordinal);
        var covered = report.HeldOutTest!.Select(r => r.Combination).ToHashSet();
        foreach (var (row, line) in report.Ranking.Zip(lines.Skip(1)))
        {
            if (covered.Contains(row.Combination)) Assert.Contains(",accuracy,", line, StringComparison.Ordinal);
            else Assert.EndsWith(",,,,,", line, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("test_metric", ReportRenderers.Render(Realistic(), ReportFormat.Csv), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void EveryTextFormatShowsTheSectionLabelledAsMeasuredOnDataNoDecisionSaw(ReportFormat format)
    {
        var text = ReportRenderers.Render(Realistic(Classification), format);
        Assert.Contains("Held-out test (top combinations)", text, StringComparison.Ordinal);
        Assert.Contains("no decision saw", text.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("test accuracy", text, StringComparison.Ordinal);
        Assert.Equal(text, ReportRenderers.Render(Realistic(Classification), format));
        Assert.DoesNotContain("Held-out test", ReportRenderers.Render(Realistic(), format), StringComparison.Ordinal);
    }
}
