// The failures, built once for every format: every failed or diverged trial with its attempts, silos and error, each
// row also as one sentence for list layouts, and "None." when there are none. It lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.Failures"/> section.</summary>
public static class FailuresSectionBuilder
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "Failures";

    /// <summary>Failures a short layout lists; the rest are counted in a note.</summary>
    public const int ShortLayoutRows = 10;

    public static ReportSection Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportColumn[] columns =
        [
            .. TrialColumns.Columns, new("status"),
            ReportColumn.Number("attempts"), new("silos"), new("error", CellKind.Problem),
        ];
        var rows = report.Failures.Select(f => new ReportRow(
        [
            .. TrialColumns.Cells(f.Index, f.Combination, f.Seed),
            new(ReportText.Name(f.Status)), ReportCell.Number(ReportText.Integer(f.Attempts)),
            new(string.Join(", ", f.Silos)), ReportCell.Problem(f.Error ?? ReportText.Missing),
        ])
        {
            Sentence = $"trial {f.Index} (combination {f.Combination}, seed {f.Seed}) {ReportText.Name(f.Status)}: {f.Error ?? ReportText.Missing}",
        }).ToArray();
        var table = new ReportTable(null, columns, rows) { IsList = true, EmptyText = "None.", ShortLayoutRows = ShortLayoutRows, RowNoun = "failures" };
        return new ReportSection(SectionId.Failures, Heading) { Tone = SectionTone.Problem, Tables = [table] };
    }
}
