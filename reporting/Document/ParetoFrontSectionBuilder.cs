// The Pareto front section, built once for every format: the line saying how many combinations were compared on which
// goals, then the front's combinations with every objective's mean, the axes as code. Null for a single-objective
// sweep. Its words and cells are ParetoFrontText's; it computes nothing (ParetoFrontBuilder does) and lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.ParetoFront"/> section.</summary>
public static class ParetoFrontSectionBuilder
{
    public static ReportSection? Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.ParetoFront is not { } front) return null;
        var columns = ParetoFrontText.Headings(front)
            .Select((heading, i) => ParetoFrontText.IsNumeric(i) ? ReportColumn.Number(heading) : ReportColumn.Code(heading))
            .ToArray();
        var rows = front.Rows.Select(row => new ReportRow(ParetoFrontText.Cells(front, row)
            .Select((cell, i) => new ReportCell(cell, columns[i].Kind)).ToArray())).ToArray();
        var section = new ReportSection(SectionId.ParetoFront, ParetoFrontText.Title)
        {
            Paragraphs = [new(ParetoFrontText.Compared(front), ParagraphKind.Lead)],
        };
        if (rows.Length == 0) return section;
        var table = new ReportTable(null, columns, rows) { Notes = [ReportNote.Of(ParetoFrontText.Note)] };
        return section with { Tables = [table] };
    }
}
