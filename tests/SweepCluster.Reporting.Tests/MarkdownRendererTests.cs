// Markdown: the sections, table shape (same number of cells in every row), escaping of names and pipes.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Markdown;

namespace SweepCluster.Reporting.Tests;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void HasEverySection()
    {
        var markdown = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Markdown);

        Assert.StartsWith("# Sweep report: ", markdown);
        foreach (var heading in new[] { "## Ranking", "## Metric by axis value", $"### {MarkdownText.Escape("val_accuracy by learning_rate")}",
                     $"### {MarkdownText.Escape("val_accuracy by batch_size")}",
                     "## Metric by schedule family", "## Top combination (best mean over seeds)", "## Failures" })
            Assert.Contains(heading + "\n", markdown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TrialsStoppedByTheSchedulerAreListedWithTheirEpochAndReasonOnlyWhenThereAreAny()
    {
        Assert.DoesNotContain("Stopped by the trial scheduler", ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Markdown));
        var report = ReportFixtures.Realistic() with
        {
            Stopped = [new StoppedEntry(4, 2, 1, TrialStatus.Pruned, 1, "rung 0 (epoch 1): not in the top 1/3", 0.61)],
        };
        var markdown = ReportRenderers.Render(report, ReportFormat.Markdown).ReplaceLineEndings("\n");
        Assert.Contains("## Stopped by the trial scheduler\n", markdown);
        Assert.Contains($"| 4 | 2 | 1 | pruned | 1 | 0.6100 | {MarkdownText.Escape("rung 0 (epoch 1): not in the top 1/3")} |", markdown);
        var json = SweepReportJson.Serialize(report);
        Assert.Equal(report.Stopped, SweepReportJson.Deserialize(json).Stopped);
    }

    [Fact]
    public void ExploitsAreATableAfterTheStoppedTrialsAndTheRankingNotesExploitedCombinations()
    {
        var report = ReportFixtures.PopulationBasedTraining();
        var markdown = ReportRenderers.Render(report, ReportFormat.Markdown).ReplaceLineEndings("\n");

        var stopped = markdown.IndexOf("## Stopped by the trial scheduler\n", StringComparison.Ordinal);
        var exploits = markdown.IndexOf("## Population-based training: exploits\n", StringComparison.Ordinal);
        Assert.InRange(stopped, 0, exploits);
        Assert.Contains("| trial | combination | seed | epoch | donor | explore |", markdown);
        Assert.Contains("| 2 | 2 | 1 | 2 | 0 | learning rate ×0.8, weight decay ×1.2, batch size ×0.8 |", markdown);
        Assert.Contains("| 3 | 3 | 1 | 2 | 1 | learning rate ×1.2, weight decay ×0.8, batch size ×1.2 |", markdown);
        Assert.Contains("| 3 | 3 | 1 | 4 | 0 | resampled from the search space \\(draw 1\\) |", markdown);
        Assert.Contains(MarkdownText.Escape(ReportFixtures.PausedReason), markdown);

        var ranking = markdown.Split('\n').SkipWhile(l => !l.StartsWith("| rank |", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.Contains("| `learning_rate` | PBT |", ranking[0]);
        Assert.Contains("| `constant(0.003)` | exploited ×2, see exploits |", ranking.Single(l => l.Contains("constant(0.003)", StringComparison.Ordinal)));
        Assert.Contains("| `constant(0.1)` |  |", ranking.Single(l => l.Contains("constant(0.1)", StringComparison.Ordinal)));
        Assert.All(ranking, l => Assert.Equal(CellCount(ranking[0]), CellCount(l)));
    }

    [Fact]
    public void WithoutExploitsThereIsNoExploitSectionOrColumn()
    {
        var markdown = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Markdown);

        Assert.DoesNotContain("exploit", markdown);
        Assert.DoesNotContain("| PBT |", markdown);
    }

    [Fact]
    public void RankingTableRowsHaveTheHeadersCellCount()
    {
        var report = ReportFixtures.Realistic();
        var lines = ReportRenderers.Render(report, ReportFormat.Markdown).ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| rank |", StringComparison.Ordinal));
        var table = lines.Skip(start).TakeWhile(l => l.StartsWith('|')).ToArray();

        Assert.Equal(report.Ranking.Count + 2, table.Length);
        var cells = table.Select(CellCount).ToArray();
        Assert.All(cells, c => Assert.Equal(cells[0], c));
        Assert.Matches(@"^\|(---:?\|)+$", table[1]);
        Assert.Contains("`cosine(0.2 → 0)`", table[2]);
        Assert.Contains("0.9627 ± 0.0035", table[2]);
    }

    [Fact]
    public void UserTextIsEscaped()
    {
        var markdown = ReportRenderers.Render(ReportFixtures.Realistic(ReportFixtures.HostileName), ReportFormat.Markdown);

        Assert.DoesNotContain("<script>", markdown);
        Assert.Contains("&lt;script", markdown);
        Assert.Equal("a \\| b", MarkdownText.Escape("a | b"));
        Assert.Equal("`a \\| b`", MarkdownText.Code("a | b"));
        Assert.Equal("``a`b``", MarkdownText.Code("a`b"));
        Assert.Contains("worker lost: silo-b stopped, \"retry\" exhausted", markdown);
    }

    /// <summary>Cells of a pipe-table line, not counting escaped pipes.</summary>
    private static int CellCount(string line) => line.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|') - 1;
}
