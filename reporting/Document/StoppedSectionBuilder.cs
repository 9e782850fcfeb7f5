// The trials the trial scheduler stopped or holds (ASHA, median stopping, PBT), built once for every format: epoch,
// metric and why, each row also as one sentence for list layouts. Null when it stopped none. It lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.Stopped"/> section.</summary>
public static class StoppedSectionBuilder
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "Stopped by the trial scheduler";

    public static ReportSection? Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Stopped is not { Count: > 0 } stopped) return null;
        ReportColumn[] columns =
        [
            .. TrialColumns.Columns, new("status"),
            ReportColumn.Number("epoch"), ReportColumn.Number("metric"), new("why"),
        ];
        var rows = stopped.Select(s => new ReportRow(
        [
            .. TrialColumns.Cells(s.Index, s.Combination, s.Seed),
            new(ReportText.Name(s.Status)), ReportCell.Number(ReportText.Integer(s.Epoch)),
            ReportCell.Number(ReportText.Metric(s.Metric)), new(s.Reason ?? ReportText.Missing),
        ])
        {
            Sentence = $"trial {s.Index} {ReportText.Name(s.Status)} after epoch {s.Epoch}: {s.Reason ?? ReportText.Missing}",
        }).ToArray();
        var table = new ReportTable(null, columns, rows)
        {
            IsList = true,
            ShortLayoutRows = FailuresSectionBuilder.ShortLayoutRows, RowNoun = "stopped trials",
        };
        return new ReportSection(SectionId.Stopped, Heading) { Tone = SectionTone.Aside, Tables = [table] };
    }
}
