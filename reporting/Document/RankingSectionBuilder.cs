// The ranking section, built once for every format: one row per combination (rank with its tie mark, the combination's
// number, its axes, PBT's note, the metric and its interval, the trial counts, epochs, compute time and silos), which
// columns narrow layouts drop first, the best, tied and metric-less rows, and the legend and cut notes.
// It lays nothing out and limits nothing but the rows a short layout lists.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.Ranking"/> section.</summary>
public static class RankingSectionBuilder
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "Ranking";

    /// <summary>Ranking rows a short layout (the terminal) lists; the rest are counted in a note.</summary>
    public const int ShortLayoutRows = 20;

    /// <summary>What the legend says before the statistics' meaning.</summary>
    public const string RowsSentence = "One row per combination, over its completed seeds.";

    public static ReportSection Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var marks = ExploitMarks.Of(report);
        var pruned = PrunedColumn.IsShown(report);
        ReportColumn[] noteColumns = marks.Any ? [new(ExploitMarks.Heading) { Role = ColumnRole.RowNote }] : [];
        ReportColumn[] prunedColumns = pruned ? [ReportColumn.Number(PrunedColumn.Heading)] : [];
        ReportColumn[] columns =
        [
            ReportColumn.Number("rank") with { ShortHeading = "#" },
            ReportColumn.Number("combination") with { Priority = ColumnPriority.CrossReference },
            .. axisPaths.Select(p => ReportColumn.Code(p) with { Role = ColumnRole.Axis }), .. noteColumns,
            ReportColumn.Number(ReportText.Name(report.Header.Metric.Name)),
            new ReportColumn("95% CI", CellKind.Number) { Priority = ColumnPriority.Secondary },
            ReportColumn.Number("completed") with { ShortHeading = "n" },
            ReportColumn.Number("diverged") with { ShortHeading = "div" },
            ReportColumn.Number("failed") with { ShortHeading = "fail" }, .. prunedColumns,
            ReportColumn.Number("epochs") with { Priority = ColumnPriority.Detail },
            ReportColumn.Number("compute time") with { ShortHeading = ReportWords.Compute, Priority = ColumnPriority.Detail },
            new ReportColumn("silos") { Priority = ColumnPriority.Detail },
        ];
        var rows = report.Ranking.Select(row => new ReportRow(
        [
            ReportCell.Number(ReportWords.Rank(row)), ReportCell.Number(ReportText.Integer(row.Combination)),
            .. axisPaths.Select(p => ReportCell.Code(row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "")),
            .. noteColumns.Select(_ => new ReportCell(marks.NoteFor(row.Combination))),
            ReportCell.Number(ReportText.MeanStd(row.Metric)), ReportCell.Number(ReportText.Interval(row.Metric)),
            ReportCell.Number(ReportText.Integer(row.Completed)), ReportCell.Number(ReportText.Integer(row.Diverged)),
            ReportCell.Number(ReportText.Integer(row.Failed)), .. prunedColumns.Select(_ => ReportCell.Number(ReportText.Integer(row.Pruned))),
            ReportCell.Number(ReportText.Epochs(row.MeanEpochs)), ReportCell.Number(ReportText.Duration(row.WallSeconds)),
            new ReportCell(string.Join(", ", row.Silos)),
        ], EmphasisOf(row))).ToArray();
        ReportNote[] cut = ReportCuts.RankingNote(report) is { } note ? [ReportNote.Of(note)] : [];
        var table = new ReportTable(null, columns, rows)
        {
            Notes = [new([RowsSentence, .. ReportWords.StatisticsLegend(report.Header.Metric)]), .. cut],
            ShortLayoutRows = ShortLayoutRows,
            TotalRows = report.TotalCombinations ?? report.Ranking.Count,
            RowNoun = "combinations",
        };
        return new ReportSection(SectionId.Ranking, Heading) { Tables = [table] };
    }

    private static RowEmphasis EmphasisOf(RankingRow row) => row switch
    {
        { Metric: null } => RowEmphasis.NoMetric,
        { Rank: 1 } => RowEmphasis.Best,
        { VersusTop: VersusTop.Tied } => RowEmphasis.TiedWithBest,
        _ => RowEmphasis.None,
    };
}
