// The HTML form of the report's held-out test section: a heading, the note on how it was measured, one table.
// Nothing at all when the sweep has no test split.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Html;

internal static class HtmlHeldOutTest
{
    public static void Write(TextWriter page, IReadOnlyList<HeldOutTestRow>? rows)
    {
        if (rows is null) return;
        page.Write($"<h2>{HtmlText.Escape(HeldOutTestText.Title)}</h2>\n");
        page.Write($"<p class=\"note\">{HtmlText.Escape(HeldOutTestText.Note)}</p>\n");
        var withR2 = HeldOutTestText.HasR2(rows);
        HtmlTable.Write(page, HeldOutTestText.Headings(rows), rows.Select(row => new HtmlRow(
            HeldOutTestText.Cells(row, withR2).Select((cell, i) => HeldOutTestText.IsNumeric(i) ? HtmlCell.Number(cell) : HtmlCell.Code(cell)).ToArray())));
    }
}
