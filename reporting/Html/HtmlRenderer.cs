// The HTML format: one self-contained page (inline CSS and SVG, no scripts, no external resources) with the summary,
// learning curves, the schedules the top combination's best seed applied, the metric by schedule family, the ranking, the per-axis
// summary, the failures, the trials the scheduler stopped and PBT's exploits. Every user string is escaped; the page
// is also well-formed XML after its doctype. It is written section by section to a TextWriter.
using System.Globalization;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Html;

/// <summary>Renders the report as a self-contained HTML page.</summary>
public sealed class HtmlRenderer : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        output.Write($"<title>Sweep report: {HtmlText.Escape(report.Header.Name)}</title>\n");
        output.Write("<style>\n");
        output.Write(HtmlStyles.Css);
        output.Write("\n</style>\n</head>\n<body>\n");
        WriteBody(report, output);
        output.Write("</body>\n</html>\n");
    }

    /// <summary>The CSS the report's elements need, for pages that embed <see cref="RenderBody"/>.</summary>
    public static string StyleSheet => HtmlStyles.Css;

    /// <summary>
    /// The report's content without the document around it (what goes inside &lt;body&gt;), so a page can embed it
    /// and swap it live; with <see cref="StyleSheet"/> it looks exactly like the standalone page.
    /// </summary>
    public static string RenderBody(SweepReport report)
    {
        using var body = new StringWriter(CultureInfo.InvariantCulture);
        WriteBody(report, body);
        return body.ToString();
    }

    /// <summary>Writes what <see cref="RenderBody"/> returns to <paramref name="output"/>, section by section.</summary>
    public static void WriteBody(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteSummary(output, report);
        WriteCurves(output, report);
        WriteFamilies(output, report);
        HtmlReportTables.WriteRanking(output, report);
        HtmlHeldOutTest.Write(output, report.HeldOutTest);
        HtmlReportTables.WriteAxes(output, report);
        HtmlReportTables.WriteFailures(output, report.Failures);
        HtmlSchedulerTables.WriteStopped(output, report.Stopped ?? []);
        HtmlSchedulerTables.WriteExploits(output, report.Exploits ?? []);
    }

    private static void WriteSummary(TextWriter page, SweepReport report)
    {
        var header = report.Header;
        page.Write($"<h1>{HtmlText.Escape(header.Name)}</h1>\n");
        page.Write($"<p class=\"meta\">Sweep <code>{HtmlText.Escape(header.SweepId)}</code> · {ReportText.Name(header.Status)} · ");
        page.Write($"ranked by <code>{HtmlText.Escape(ReportText.Metric(header.Metric))}</code></p>\n");
        page.Write($"<p class=\"meta\">{header.TotalTrials} trials: {HtmlText.Escape(ReportText.StatusCounts(header))}</p>\n");
        page.Write($"<p class=\"meta\">Created {ReportText.Timestamp(header.CreatedAt)}");
        page.Write(header.FinishedAt is { } finished ? $", finished {ReportText.Timestamp(finished)}" : "");
        page.Write($" · {HtmlText.Escape(ReportWords.Times(header))}</p>\n");
        page.Write($"<p class=\"meta\">{HtmlText.Escape(ReportWords.BestTrialLine(report))}</p>\n");
    }

    private static void WriteCurves(TextWriter page, SweepReport report)
    {
        page.Write("<h2>Learning curves</h2>\n");
        if (report.TopCombination is not { } best)
        {
            page.Write("<p class=\"note\">No trial has completed yet.</p>\n");
            return;
        }
        page.Write("<p class=\"note\">The best seed of each of the top combinations.</p>\n<div class=\"charts\">\n");
        page.Write(ReportCharts.Losses(report).ToSvg());
        page.Write(ReportCharts.Metric(report).ToSvg());
        page.Write($"</div>\n<h2>Schedules applied by the {HtmlText.Escape(ReportWords.TopCombination)}</h2>\n");
        page.Write($"<p class=\"note\">{HtmlText.Escape(ReportWords.TopCombinationTitle(best))}: ");
        page.Write($"<code>{HtmlText.Escape(ReportText.Axes(best.Axes))}</code></p>\n");
        if (ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } lineage) page.Write($"<p class=\"note\">PBT: {HtmlText.Escape(lineage)}</p>\n");
        page.Write("<div class=\"charts\">\n");
        foreach (var chart in ReportCharts.Schedules(best)) page.Write(chart.ToSvg());
        page.Write("</div>\n");
    }

    private static void WriteFamilies(TextWriter page, SweepReport report)
    {
        page.Write("<h2>Metric by schedule family</h2>\n");
        if (ReportCharts.Families(report) is not { } chart)
        {
            page.Write("<p class=\"note\">No trial has completed yet.</p>\n");
            return;
        }
        page.Write("<div class=\"charts\">\n");
        page.Write(chart.ToSvg());
        page.Write("</div>\n");
        HtmlReportTables.WriteFamilies(page, report.Families);
    }
}
