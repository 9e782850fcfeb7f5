// Writes one HTML table from cells that are already escaped HTML. It does not escape (callers use HtmlText).
using System.Text;

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
    public static void Write(StringBuilder output, IReadOnlyList<string> headings, IEnumerable<HtmlRow> rows)
    {
        output.Append("<table>\n<thead><tr>");
        foreach (var heading in headings) output.Append("<th>").Append(HtmlText.Escape(heading)).Append("</th>");
        output.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            output.Append(row.CssClass is null ? "<tr>" : $"<tr class=\"{row.CssClass}\">");
            foreach (var cell in row.Cells) output.Append(cell.Numeric ? "<td class=\"num\">" : "<td>").Append(cell.Html).Append("</td>");
            output.Append("</tr>\n");
        }
        output.Append("</tbody>\n</table>\n");
    }
}
