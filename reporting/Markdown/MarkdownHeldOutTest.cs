// The Markdown form of the report's held-out test section: a heading, the note on how it was measured, one table
// (its own words as they are; the axes, which are user words, as code spans).
// Nothing at all when the sweep has no test split.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Markdown;

internal static class MarkdownHeldOutTest
{
    public static void Write(TextWriter output, IReadOnlyList<HeldOutTestRow>? rows)
    {
        if (rows is null) return;
        output.WriteLine($"## {HeldOutTestText.Title}");
        output.WriteLine();
        output.WriteLine(HeldOutTestText.Note);
        output.WriteLine();
        var withR2 = HeldOutTestText.HasR2(rows);
        var columns = HeldOutTestText.Headings(rows)
            .Select((heading, i) => new MarkdownColumn(heading, HeldOutTestText.IsNumeric(i) ? ColumnAlignment.Right : ColumnAlignment.Left))
            .ToArray();
        MarkdownTable.Write(output, columns, rows.Select(row =>
            (IReadOnlyList<string>)HeldOutTestText.Cells(row, withR2)
                .Select((cell, i) => HeldOutTestText.IsNumeric(i) ? MarkdownText.Escape(cell) : MarkdownText.Code(cell)).ToArray()));
    }
}
