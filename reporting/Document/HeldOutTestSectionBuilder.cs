// The held-out test section, built once for every format: the top combinations' test metric and loss (and R² for a
// regression sweep), the note on how it was measured, the axes as code. Null when the sweep has no test split.
// Its words and cells are HeldOutTestText's; it computes nothing (HeldOutTestBuilder does) and lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.HeldOutTest"/> section.</summary>
public static class HeldOutTestSectionBuilder
{
    public static ReportSection? Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.HeldOutTest is not { } rows) return null;
        var columns = HeldOutTestText.Headings(rows)
            .Select((heading, i) => HeldOutTestText.IsNumeric(i) ? ReportColumn.Number(heading) : ReportColumn.Code(heading))
            .ToArray();
        var withR2 = HeldOutTestText.HasR2(rows);
        var tableRows = rows.Select(row => new ReportRow(HeldOutTestText.Cells(row, withR2)
            .Select((cell, i) => new ReportCell(cell, columns[i].Kind)).ToArray())).ToArray();
        var table = new ReportTable(null, columns, tableRows) { Notes = [ReportNote.Of(HeldOutTestText.Note)] };
        return new ReportSection(SectionId.HeldOutTest, HeldOutTestText.Title) { Tables = [table] };
    }
}
