// The HTML format: one self-contained page (inline CSS, the charting library and its init script inlined once in the
// head, no external resources) rendered from the Razor components of this folder, which escape every user string.
// With the study store's run tables it adds the per-trial charts. The same input gives the same bytes.
using System.Globalization;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Charts;

namespace SweepCluster.Reporting.Html;

/// <summary>Renders the report as a self-contained HTML page.</summary>
public sealed class HtmlRenderer : IReportRenderer
{
    private const string Doctype = "<!DOCTYPE html>\n";

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output) => Write(report, null, output);

    /// <summary>Writes the page to <paramref name="output"/>, with the per-trial charts when <paramref name="runs"/> is given.</summary>
    public static void Write(SweepReport report, SweepRunTables? runs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Doctype);
        RazorHtml.Write<ReportDocument>(new Dictionary<string, object?>
        {
            [nameof(ReportDocument.Report)] = report, [nameof(ReportDocument.Runs)] = runs,
        }, output);
        output.Write('\n');
    }

    /// <summary>The CSS the report's elements need, for pages that embed <see cref="RenderBody"/>.</summary>
    public static string StyleSheet => HtmlStyles.Css;

    /// <summary>What a page that embeds <see cref="RenderBody"/> needs in its head: <see cref="StyleSheet"/> and the
    /// charting library with the init script that defines <c>window.SweepCharts.renderAll(root)</c>. HTML.</summary>
    public static string HeadElements => $"<style>\n{HtmlStyles.Css}\n</style>\n{ChartScripts.HeadElements}";

    /// <summary>
    /// The report's content without the document around it (what goes inside &lt;body&gt;), so a page can embed it
    /// and swap it live; with <see cref="HeadElements"/> it looks exactly like the standalone page. After a swap, the page
    /// calls <c>window.SweepCharts.renderAll(element)</c> to draw the new charts.
    /// </summary>
    public static string RenderBody(SweepReport report, SweepRunTables? runs = null)
    {
        using var body = new StringWriter(CultureInfo.InvariantCulture);
        WriteBody(report, runs, body);
        return body.ToString();
    }

    /// <summary>Writes what <see cref="RenderBody"/> returns to <paramref name="output"/>.</summary>
    public static void WriteBody(SweepReport report, SweepRunTables? runs, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        RazorHtml.Write<ReportBody>(new Dictionary<string, object?>
        {
            [nameof(ReportBody.Report)] = report, [nameof(ReportBody.Runs)] = runs,
        }, output);
    }
}
