// The format dispatch: every format has a renderer and an extension; JSON is the report model's JSON.
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Html;
using SweepCluster.Reporting.Markdown;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportRenderersTests
{
    [Theory]
    [InlineData(ReportFormat.Table, ".txt")]
    [InlineData(ReportFormat.Markdown, ".md")]
    [InlineData(ReportFormat.Csv, ".csv")]
    [InlineData(ReportFormat.Json, ".json")]
    [InlineData(ReportFormat.Html, ".html")]
    public void EveryFormatRendersAndHasAnExtension(ReportFormat format, string extension)
    {
        Assert.Equal(extension, ReportRenderers.FileExtension(format));
        Assert.Equal(format, ReportRenderers.For(format).Format);
        Assert.False(string.IsNullOrWhiteSpace(ReportRenderers.Render(ReportFixtures.Realistic(), format)));
    }

    [Fact]
    public void JsonIsTheIndentedReport()
    {
        var report = ReportFixtures.Realistic();
        var json = ReportRenderers.Render(report, ReportFormat.Json);

        Assert.Contains("\n  \"header\": {", json);
        Assert.Equal(SweepReportJson.Serialize(report), SweepReportJson.Serialize(SweepReportJson.Deserialize(json)));
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void TheBestTrialsSectionSaysWhatPbtDidToIt(ReportFormat format)
    {
        var report = ReportFixtures.ExploitedBestTrial();
        Assert.Equal(0, report.TopCombination!.Index);
        var text = ReportRenderers.Render(report, format).ReplaceLineEndings(" ");
        var lineage = "PBT: " + format switch
        {
            ReportFormat.Html => HtmlText.Escape(ReportFixtures.ExploitedBestLineage),
            ReportFormat.Markdown => MarkdownText.Escape(ReportFixtures.ExploitedBestLineage),
            _ => ReportFixtures.ExploitedBestLineage,
        };
        Assert.Contains(lineage, string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

        var unexploited = ReportRenderers.Render(ReportFixtures.PopulationBasedTraining(), format);
        Assert.DoesNotContain("PBT: at epoch", unexploited); // its best trial (0) kept its own schedules
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void TheRankingHasAPrunedColumnOnlyWhenTheSchedulerPrunedTrials(ReportFormat format)
    {
        Assert.Contains(PrunedColumn.Heading, RankingOf(ReportRenderers.Render(ReportFixtures.SuccessiveHalving(), format), format));
        Assert.DoesNotContain(PrunedColumn.Heading, RankingOf(ReportRenderers.Render(ReportFixtures.Realistic(), format), format));
    }

    /// <summary>The ranking section of a rendered report: from its title to the next section's.</summary>
    private static string RankingOf(string rendered, ReportFormat format)
    {
        var (start, end) = format switch
        {
            ReportFormat.Markdown => ("## Ranking", "## Metric by"),
            ReportFormat.Html => ("<h2>Ranking</h2>", "<h2>Metric by"),
            _ => ("Ranking", "Metric by"),
        };
        var from = rendered.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no ranking title '{start}'");
        var to = rendered.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to > from, $"no section title '{end}' after the ranking");
        return rendered[from..to];
    }

    [Fact]
    public void RenderingIsDeterministic()
    {
        foreach (var format in Enum.GetValues<ReportFormat>())
            Assert.Equal(ReportRenderers.Render(ReportFixtures.Realistic(), format), ReportRenderers.Render(ReportFixtures.Realistic(), format));
    }
}
