// Lays out the format-neutral report document as GitHub-flavoured Markdown: "## heading" per section, its paragraphs,
// facts as a bullet list, each table under its "### title" with its notes before it. Every word goes through
// MarkdownText (code cells as code spans, numbers as ReportText wrote them). It decides no content.
using SweepCluster.Reporting.Document;

namespace SweepCluster.Reporting.Markdown;

/// <summary>Writes <see cref="ReportDocument"/> sections as Markdown.</summary>
public static class MarkdownDocument
{
    /// <summary>Writes every section of <paramref name="document"/> in order.</summary>
    public static void Write(TextWriter output, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        foreach (var section in document.Sections) Write(output, section);
    }

    private static void Write(TextWriter output, ReportSection section)
    {
        Paragraph(output, $"## {section.Heading}");
        foreach (var paragraph in section.Paragraphs)
            Paragraph(output, paragraph.Kind == ParagraphKind.Code ? MarkdownText.Code(paragraph.Text) : MarkdownText.Escape(paragraph.Text));
        if (section.Facts.Count > 0)
        {
            foreach (var fact in section.Facts) output.WriteLine($"- **{MarkdownText.Escape(fact.Label)}:** {fact.Value}");
            output.WriteLine();
        }
        foreach (var table in section.Tables) Write(output, table);
    }

    private static void Write(TextWriter output, ReportTable table)
    {
        if (table.Title is { } title) Paragraph(output, $"### {MarkdownText.Escape(title)}");
        foreach (var note in table.Notes) Paragraph(output, MarkdownText.Escape(note.Text));
        if (table.Rows.Count == 0 && table.EmptyText is { } empty)
        {
            Paragraph(output, empty);
            return;
        }
        var columns = table.Columns.Select(c => new MarkdownColumn(Heading(c), c.Alignment)).ToArray();
        MarkdownTable.Write(output, columns, table.Rows.Select(row => (IReadOnlyList<string>)row.Cells.Select(Cell).ToArray()));
    }

    // Axis headings are the user's paths: code spans, as their cells are.
    private static string Heading(ReportColumn column) =>
        column.Role == ColumnRole.Axis ? MarkdownText.Code(column.Heading) : MarkdownText.Escape(column.Heading);

    private static string Cell(ReportCell cell) => cell.Kind switch
    {
        CellKind.Code => MarkdownText.Code(cell.Text),
        CellKind.Number => cell.Text,
        _ => MarkdownText.Escape(cell.Text),
    };

    /// <summary>A line of text and the blank line that ends its paragraph.</summary>
    internal static void Paragraph(TextWriter output, string text)
    {
        output.WriteLine(text);
        output.WriteLine();
    }
}
