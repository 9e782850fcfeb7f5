// Writes one HTML table, row by row, from cells that are already escaped HTML. It does not escape (callers use HtmlText).

namespace SweepCluster.Reporting.Html;

/// <summary>One cell: HTML content and whether it is a number (right-aligned).</summary>
internal sealed record HtmlCell(string Html, bool Numeric = false)
{
    public static HtmlCell Text(string text) => new(HtmlText.Escape(text));

    public static HtmlCell Code(string text) => new($"<code>{HtmlText.Escape(text)}</code>");

    public static HtmlCell Number(string text) => new(HtmlText.Escape(text), Numeric: true);
}

/// <summary>One row and its optional CSS class.</summary>
internal sealed record HtmlRow(IReadOnlyList<HtmlCell> Cells, string? CssClass = null);

/// <summary>An HTML table writer.</summary>
internal static class HtmlTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headings, IEnumerable<HtmlRow> rows)
    {
        output.Write("<table>\n<thead><tr>");
        foreach (var heading in headings)
        {
            output.Write("<th>");
            output.Write(HtmlText.Escape(heading));
            output.Write("</th>");
        }
        output.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            output.Write(row.CssClass is null ? "<tr>" : $"<tr class=\"{row.CssClass}\">");
            foreach (var cell in row.Cells)
            {
                output.Write(cell.Numeric ? "<td class=\"num\">" : "<td>");
                output.Write(cell.Html);
                output.Write("</td>");
            }
            output.Write("</tr>\n");
        }
        output.Write("</tbody>\n</table>\n");
    }
}
