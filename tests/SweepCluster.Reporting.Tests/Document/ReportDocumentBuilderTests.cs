// The format-neutral report document: its builders (sections in order, row emphasis, sentences, empty and absent
// sections) and what every writer makes of it (the same section headings, the same ranking cells). Plain C#, no I/O.
using System.Net;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Reporting.Document;
using SweepCluster.Reporting.Markdown;
using SweepCluster.Reporting.Terminal;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests.Document;

public sealed class ReportDocumentBuilderTests
{
    private const int TestRows = 40;

    public static TheoryData<string> Fixtures() => ["realistic", "held-out-test", "population-based-training", "successive-halving"];

    private static SweepReport Fixture(string name) => name switch
    {
        "realistic" => ReportFixtures.Realistic(),
        "held-out-test" => WithHeldOutTest(),
        "population-based-training" => ReportFixtures.PopulationBasedTraining(),
        _ => ReportFixtures.SuccessiveHalving(),
    };

    private static SweepReport WithHeldOutTest()
    {
        var input = SyntheticSweep.Realistic();
        return SweepReportBuilder.Build(input with
        {
            Results = input.Results.Select(r => r.Status == TrialStatus.Completed
                ? r with { Test = new HeldOutEvaluation(Loss: 0.1, Metric: 0.9, R2: null, TestRows) }
                : r).ToArray(),
        });
    }

    [Fact]
    public void SectionsComeInReadingOrderAndOnlyWhenTheyHaveSomethingToSay()
    {
        Assert.Equal([SectionId.Ranking, SectionId.Axes, SectionId.Families, SectionId.TopCombination, SectionId.Failures],
            ReportDocumentBuilder.Build(ReportFixtures.Realistic()).Sections.Select(s => s.Id));
        Assert.Equal([SectionId.Ranking, SectionId.Axes, SectionId.Families, SectionId.TopCombination, SectionId.Failures, SectionId.Stopped, SectionId.Exploits],
            ReportDocumentBuilder.Build(ReportFixtures.PopulationBasedTraining()).Sections.Select(s => s.Id));
        Assert.NotNull(ReportDocumentBuilder.Build(WithHeldOutTest()).Section(SectionId.HeldOutTest));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryRowHasOneCellPerColumnOfItsKindAndAListsRowsHaveSentences(string fixture)
    {
        foreach (var table in ReportDocumentBuilder.Build(Fixture(fixture)).Sections.SelectMany(s => s.Tables))
            foreach (var row in table.Rows)
            {
                Assert.Equal(table.Columns.Select(c => c.Kind), row.Cells.Select(c => c.Kind));
                Assert.True(!table.IsList || row.Sentence is not null, "a list's rows read as sentences");
            }
    }

    [Fact]
    public void TheBestRowTiesAndRowsWithoutAMetricAreMarked()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Completed("top", 0.90, 0.91, 0.92).Completed("noisy", 0.80, 0.85, 0.90).Completed("worse", 0.70, 0.71, 0.72)
            .Combination([("learning_rate", "nan")], new TrialSpec(), SeedOutcome.Diverged()).Build());

        var rows = RankingSectionBuilder.Build(report).Tables.Single().Rows;

        Assert.Equal([RowEmphasis.Best, RowEmphasis.TiedWithBest, RowEmphasis.None, RowEmphasis.NoMetric], rows.Select(r => r.Emphasis));
    }

    [Fact]
    public void FailuresSayNoneWhenThereAreNoneAndTheSchedulerSectionsAreAbsent()
    {
        var report = ReportFixtures.Realistic() with { Failures = [], Stopped = null, Exploits = null };

        var failures = FailuresSectionBuilder.Build(report).Tables.Single();

        Assert.Empty(failures.Rows);
        Assert.Equal("None.", failures.EmptyText);
        Assert.Null(StoppedSectionBuilder.Build(report));
        Assert.Null(ExploitsSectionBuilder.Build(report));
        Assert.Null(HeldOutTestSectionBuilder.Build(report));
    }

    [Fact]
    public void ListedRowsHaveTheirSentence()
    {
        var document = ReportDocumentBuilder.Build(ReportFixtures.PopulationBasedTraining());

        Assert.Equal($"trial 1 paused after epoch 4: {ReportFixtures.PausedReason}",
            document.Section(SectionId.Stopped)!.Tables.Single().Rows.Single().Sentence);
        Assert.All(document.Section(SectionId.Exploits)!.Tables.Single().Rows, r => Assert.StartsWith("trial ", r.Sentence));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFormatShowsTheSameSectionHeadings(string fixture)
    {
        var report = Fixture(fixture);
        var document = ReportDocumentBuilder.Build(report);
        var terminal = ReportRenderers.Render(report, ReportFormat.Table);
        var markdown = ReportRenderers.Render(report, ReportFormat.Markdown).ReplaceLineEndings("\n");
        var html = WebUtility.HtmlDecode(ReportRenderers.Render(report, ReportFormat.Html));

        foreach (var section in document.Sections)
        {
            Assert.Contains($"## {section.Heading}\n", markdown);
            if (section.Id != SectionId.TopCombination) Assert.Contains($"<h2>{section.Heading}</h2>", html); // the page's is its schedule chart
            foreach (var table in section.Tables.Where(t => t.Rows.Count > 0 && TerminalLayout.ShowsTable(t)))
                Assert.Contains(table.Title ?? section.Heading, terminal);
            foreach (var title in section.Tables.Select(t => t.Title).OfType<string>())
            {
                Assert.Contains($"### {MarkdownText.Escape(title)}\n", markdown);
                Assert.Contains($"<h3>{title}</h3>", html);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFormatShowsTheSameRankingCells(string fixture)
    {
        var report = Fixture(fixture);
        var ranking = ReportDocumentBuilder.Build(report).Section(SectionId.Ranking)!.Tables.Single();
        using var unwrapped = new StringWriter();
        TableRenderer.WriteUnwrapped(report, unwrapped); // no cell wrapped over two lines
        var terminal = unwrapped.ToString().Split('\n').SkipWhile(l => l.Trim() != RankingSectionBuilder.Heading).TakeWhile(l => !l.StartsWith('╰')).ToArray();
        var markdown = ReportRenderers.Render(report, ReportFormat.Markdown).ReplaceLineEndings("\n").Split('\n');
        var html = WebUtility.HtmlDecode(ReportRenderers.Render(report, ReportFormat.Html));
        var terminalColumns = TerminalLayout.Columns(ranking, TableRenderer.UnwrappedWidth);

        foreach (var row in ranking.Rows)
        {
            var markdownRow = $"| {string.Join(" | ", row.Cells.Select(c => c.Kind == CellKind.Code ? MarkdownText.Code(c.Text) : c.Kind == CellKind.Number ? c.Text : MarkdownText.Escape(c.Text)))} |";
            Assert.Contains(markdownRow, markdown);
            Assert.Contains(string.Concat(row.Cells.Select(c => c.Kind == CellKind.Code ? $"<td><code>{c.Text}</code></td>" : c.Kind == CellKind.Number ? $"<td class=\"num\">{c.Text}</td>" : $"<td>{c.Text}</td>")), html);
            var terminalRow = terminal.Single(l => l.Split('│') is [_, var rank, var firstAxis, ..] &&
                rank.Trim() == row.Cells[0].Text && firstAxis.Trim() == row.Cells[2].Text && terminalColumns.All(c => l.Contains(c.TextOf(row), StringComparison.Ordinal)));
            Assert.NotNull(terminalRow);
        }
    }

    [Fact]
    public void NarrowConsolesDropColumnsInTheDeclaredOrder()
    {
        var ranking = RankingSectionBuilder.Build(ReportFixtures.Realistic()).Tables.Single();
        int[] widths = [TableRenderer.UnwrappedWidth, TerminalLayout.DetailMinWidth, TerminalLayout.DetailMinWidth - 1,
            TerminalLayout.SecondaryMinWidth, TerminalLayout.SecondaryMinWidth - 1, 40];

        var shown = widths.Select(w => TerminalLayout.Headings(ranking, w)).ToArray();

        Assert.Equal(["#", "learning_rate", "batch_size", "val_accuracy", "95% CI", "n", "div", "fail", "epochs", "compute", "silos"], shown[0]);
        Assert.Equal(shown[0], shown[1]);
        Assert.Equal(["#", TerminalLayout.StackedAxesHeading, "val_accuracy", "95% CI", "n", "div", "fail"], shown[2]);
        Assert.Equal(shown[2], shown[3]);
        Assert.Equal(["#", TerminalLayout.StackedAxesHeading, "val_accuracy", "n", "div", "fail"], shown[4]);
        Assert.Equal(shown[4], shown[5]);
        Assert.DoesNotContain(ranking.Columns, c => c.Priority == ColumnPriority.CrossReference && shown[0].Contains(c.ShortHeading ?? c.Heading));
    }

    [Fact]
    public void TheCompactRankingStacksTheAxesAndTheExploitNoteInOneCell()
    {
        var ranking = RankingSectionBuilder.Build(ReportFixtures.PopulationBasedTraining()).Tables.Single();
        var stacked = TerminalLayout.Columns(ranking, TerminalLayout.DetailMinWidth - 1).Single(c => c.IsStack);

        Assert.Equal("learning_rate constant(0.003)\nexploited ×2, see exploits", stacked.TextOf(ranking.Rows[2]));
        Assert.Equal("learning_rate constant(0.1)", stacked.TextOf(ranking.Rows[0]));
    }
}
