// What every format says of a cut report: the ranking's note (how many combinations in all, and that trials.csv has
// every trial), the axis note under an axis that lists only its best values, and the family plot's legend when it
// draws quantiles; and nothing of the kind for a report that was not cut.
using System.Xml.Linq;
using SweepCluster.Reporting.Csv;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Html;
using SweepCluster.Reporting.Markdown;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportCutNotesTests
{
    private const string RankingNote = "The report ranks only the top 3 of 9 combinations; its counts and summaries cover every trial; " +
        "trials.csv in the report folder (or sweep trials sw-0001 --format csv) lists every trial.";

    private const string AxisNote = "Only the 2 values with the best mean of 5 are listed; their counts cover every trial.";

    [Fact]
    public void TheRankingNoteSaysHowManyCombinationsThereAreAndWhereEveryTrialIs()
    {
        Assert.Equal(RankingNote, ReportCuts.RankingNote(ReportFixtures.RealisticCut()));
        Assert.Null(ReportCuts.RankingNote(ReportFixtures.Realistic()));
        Assert.Equal(AxisNote, ReportCuts.AxisNote(ReportFixtures.RealisticCut().Axes[0]));
        Assert.Null(ReportCuts.AxisNote(ReportFixtures.RealisticCut().Axes[1]));
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void TheTextFormatsCarryTheRankingNoteOnlyWhenTheRankingIsCut(ReportFormat format)
    {
        var note = format switch
        {
            ReportFormat.Markdown => MarkdownText.Escape(RankingNote),
            ReportFormat.Html => HtmlText.Escape(RankingNote),
            _ => RankingNote,
        };

        Assert.Contains(note, OneLine(ReportRenderers.Render(ReportFixtures.RealisticCut(), format)));
        Assert.DoesNotContain("ranks only the top", ReportRenderers.Render(ReportFixtures.Realistic(), format));
    }

    [Fact]
    public void TheCsvStartsWithTheNoteAsACommentLineThenTheHeaderAndTheTopRows()
    {
        var csv = ReportRenderers.Render(ReportFixtures.RealisticCut(), ReportFormat.Csv);
        var firstLineEnd = csv.IndexOf(CsvRenderer.LineEnd, StringComparison.Ordinal);

        Assert.Equal(CsvRenderer.CommentPrefix + RankingNote, csv[..firstLineEnd]);
        Assert.Equal(RankingNote, CsvField.Quote(RankingNote)); // one field, unquoted: a reader's comment character sees '#'
        var records = CsvRecords.Parse(csv[(firstLineEnd + CsvRenderer.LineEnd.Length)..]);
        Assert.Equal("rank", records[0][0]);
        Assert.Equal(["1", "2", "3"], records.Skip(1).Select(r => r[0]));
        Assert.StartsWith("rank,", ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Csv));
    }

    [Fact]
    public void TheJsonCountsEveryCombinationAndAxisValueOnlyWhenCut()
    {
        var json = ReportRenderers.Render(ReportFixtures.RealisticCut(), ReportFormat.Json);
        var back = SweepReportJson.Deserialize(json);

        Assert.Contains("\"total_combinations\": 9", json);
        Assert.Contains("\"total_values\": 5", json);
        Assert.Equal(9, back.TotalCombinations);
        Assert.Equal(3, back.Ranking.Count);
        Assert.Equal(5, back.Axes[0].TotalValues);
        Assert.Null(back.Axes[1].TotalValues);
        var whole = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Json);
        Assert.DoesNotContain("total_combinations", whole);
        Assert.DoesNotContain("total_values", whole);
    }

    [Theory]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void AnAxisThatListsOnlyItsBestValuesSaysSoUnderItsHeading(ReportFormat format)
    {
        var text = OneLine(ReportRenderers.Render(ReportFixtures.RealisticCut(), format));
        var note = format == ReportFormat.Html ? HtmlText.Escape(AxisNote) : MarkdownText.Escape(AxisNote);

        var at = text.IndexOf(note, StringComparison.Ordinal);
        Assert.True(at > text.IndexOf("learning_rate</code></h3>", StringComparison.Ordinal) || at > text.IndexOf("### `learning_rate`", StringComparison.Ordinal));
        Assert.Equal(at, text.LastIndexOf(note, StringComparison.Ordinal)); // once: batch_size lists both its values
    }

    [Fact]
    public void TheTerminalCountsEveryCombinationUnderItsRanking()
    {
        var text = ReportRenderers.Render(ReportFixtures.RealisticCut(), ReportFormat.Table);

        Assert.Contains(ReportText.MoreRows(3, 9, "combinations"), text);
    }

    [Fact]
    public void TheFamilyPlotSaysWhenItDrawsQuantilesAndDrawsOneDotPerValueKept()
    {
        var report = ReportFixtures.RealisticCut();
        var plot = SweepCluster.Reporting.Charts.FamilyMetricChart.Of(report)!;

        Assert.Contains("A family with more than 7 trials shows that many evenly spaced quantiles of them", plot.Note);
        Assert.Equal(report.Families.Sum(f => f.Values.Count), plot.Series.Sum(s => s.Points.Count));
        Assert.Contains("evenly spaced quantiles", ReportRenderers.Render(report, ReportFormat.Html));
        Assert.DoesNotContain("quantiles", ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Html));
    }

    /// <summary>Line breaks and runs of spaces as one space (the terminal wraps long notes).</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
