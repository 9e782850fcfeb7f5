// CSV: header, one row per combination, RFC 4180 quoting of axis words with commas and quotes, invariant numbers.
using SweepCluster.Reporting.Csv;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class CsvRendererTests
{
    [Fact]
    public void HeaderHasOneColumnPerAxisPath()
    {
        var csv = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Csv);
        var header = csv[..csv.IndexOf(CsvRenderer.LineEnd, StringComparison.Ordinal)];

        Assert.Equal("rank,combination,learning_rate,batch_size,metric_mean,metric_std,ci_low,ci_high,completed,diverged,failed,epochs,compute_seconds,silos,pruned,pbt_exploits,versus_top", header);
    }

    [Fact]
    public void OneRecordPerCombinationWithQuotedAxisWords()
    {
        var report = ReportFixtures.Realistic();
        var records = CsvRecords.Parse(ReportRenderers.Render(report, ReportFormat.Csv));

        Assert.Equal(report.Ranking.Count + 1, records.Count);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        var best = records[1];
        Assert.Equal("1", best[0]);
        Assert.Equal(report.Ranking[0].Axes[0].Value, best[2]);
        Assert.Equal(report.Ranking[0].Metric!.Mean, double.Parse(best[4], System.Globalization.CultureInfo.InvariantCulture));
        var inverseTime = records.Single(r => r[2].StartsWith("inverse_time", StringComparison.Ordinal) && r[3] == "constant(32)");
        Assert.Equal("inverse_time(0.1, α=0.01, β=0.5)", inverseTime[2]);
        var diverging = records[^1];
        Assert.Equal("", diverging[4]); // no metric: empty fields
        Assert.Equal("", diverging[6]);
    }

    [Fact]
    public void TheLastColumnsCountEachCombinationsPrunedTrialsAndPbtExploits()
    {
        var halving = CsvRecords.Parse(ReportRenderers.Render(ReportFixtures.SuccessiveHalving(), ReportFormat.Csv));
        var pruned = halving[0].IndexOf("pruned");
        Assert.Equal(["0", "0", "1", "1", "1", "0"], halving.Skip(1).Select(r => r[pruned]));
        Assert.Equal("constant(0.003)", halving[3][2]); // the trial pruned at epoch 3 ranks above those pruned at epoch 1

        var population = CsvRecords.Parse(ReportRenderers.Render(ReportFixtures.PopulationBasedTraining(), ReportFormat.Csv));
        var exploits = population[0].IndexOf("pbt_exploits");
        var byCombination = population.Skip(1).ToDictionary(r => r[1], r => r[exploits]);
        Assert.Equal(new Dictionary<string, string> { ["0"] = "0", ["1"] = "0", ["2"] = "1", ["3"] = "2" }, byCombination);
    }

    [Fact]
    public void RawTextQuotesFieldsWithCommasAndDoublesQuotes()
    {
        var csv = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Csv);

        Assert.Contains(",\"inverse_time(0.1, α=0.01, β=0.5)\",constant(32),", csv);
        Assert.Equal("\"a \"\"b\"\", c\"", CsvField.Quote("a \"b\", c"));
        Assert.Equal("\"two\nlines\"", CsvField.Quote("two\nlines"));
        Assert.Equal("plain", CsvField.Quote("plain"));
        Assert.EndsWith(CsvRenderer.LineEnd, csv);
    }
}
