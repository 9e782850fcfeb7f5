// Writes one GitHub-flavoured Markdown pipe table, row by row, from already-escaped cells. It does not escape
// (MarkdownText does).
using SweepCluster.Reporting.Document;

namespace SweepCluster.Reporting.Markdown;

/// <summary>One column: its heading (already escaped) and alignment.</summary>
public sealed record MarkdownColumn(string Heading, ColumnAlignment Alignment = ColumnAlignment.Left);

/// <summary>A pipe table.</summary>
public static class MarkdownTable
{
    /// <summary>Writes the header, the alignment row and one line per row; every row must have one cell per column.</summary>
    public static void Write(TextWriter output, IReadOnlyList<MarkdownColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"| {string.Join(" | ", columns.Select(c => c.Heading))} |");
        output.WriteLine($"|{string.Join("|", columns.Select(c => c.Alignment == ColumnAlignment.Right ? "---:" : "---"))}|");
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"a row has {row.Count} cells for {columns.Count} columns", nameof(rows));
            output.WriteLine($"| {string.Join(" | ", row)} |");
        }
        output.WriteLine();
    }
}
