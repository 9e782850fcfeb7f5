// The HTML format: one self-contained page (inline CSS and SVG, no scripts, no external resources) with the summary,
// learning curves, the best trial's applied schedules, the metric by schedule family, the ranking, the per-axis
// summary, the failures, the trials the scheduler stopped and PBT's exploits. Every user string is escaped; the page
// is also well-formed XML after its doctype.
using System.Text;
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
    public string Render(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var header = report.Header;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append($"<title>Sweep report: {HtmlText.Escape(header.Name)}</title>\n")
            .Append("<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n<body>\n")
            .Append(RenderBody(report))
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The CSS the report's elements need, for pages that embed <see cref="RenderBody"/>.</summary>
    public static string StyleSheet => HtmlStyles.Css;

    /// <summary>
    /// The report's content without the document around it (what goes inside &lt;body&gt;), so a page can embed it
    /// and swap it live; with <see cref="StyleSheet"/> it looks exactly like the standalone page.
    /// </summary>
    public static string RenderBody(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = new StringBuilder();
        WriteSummary(body, report.Header);
        WriteCurves(body, report);
        WriteFamilies(body, report);
        HtmlReportTables.WriteRanking(body, report);
        HtmlReportTables.WriteAxes(body, report);
        HtmlReportTables.WriteFailures(body, report.Failures);
        HtmlSchedulerTables.WriteStopped(body, report.Stopped ?? []);
        HtmlSchedulerTables.WriteExploits(body, report.Exploits ?? []);
        return body.ToString();
    }

    private static void WriteSummary(StringBuilder page, ReportHeader header)
    {
        page.Append($"<h1>{HtmlText.Escape(header.Name)}</h1>\n")
            .Append($"<p class=\"meta\">Sweep <code>{HtmlText.Escape(header.SweepId)}</code> · {ReportText.Name(header.Status)} · ")
            .Append($"ranked by <code>{HtmlText.Escape(ReportText.Metric(header.Metric))}</code></p>\n")
            .Append($"<p class=\"meta\">{header.TotalTrials} trials: {HtmlText.Escape(ReportText.StatusCounts(header))}</p>\n")
            .Append($"<p class=\"meta\">Created {ReportText.Timestamp(header.CreatedAt)}")
            .Append(header.FinishedAt is { } finished ? $", finished {ReportText.Timestamp(finished)}" : "")
            .Append($" · wall time {ReportText.Duration(header.TotalWallSeconds)} total, ")
            .Append($"{ReportText.Duration(header.MeanWallSeconds)} mean per trial</p>\n");
    }

    private static void WriteCurves(StringBuilder page, SweepReport report)
    {
        page.Append("<h2>Learning curves</h2>\n");
        if (report.BestTrial is not { } best)
        {
            page.Append("<p class=\"note\">No trial has completed yet.</p>\n");
            return;
        }
        page.Append("<p class=\"note\">The best seed of each of the top combinations.</p>\n<div class=\"charts\">\n")
            .Append(ReportCharts.Losses(report).ToSvg())
            .Append(ReportCharts.Metric(report).ToSvg())
            .Append("</div>\n<h2>Schedules applied by the best trial</h2>\n")
            .Append($"<p class=\"note\">Trial {best.Index} (combination {best.Combination}, seed {best.Seed}): ")
            .Append($"<code>{HtmlText.Escape(ReportText.Axes(best.Axes))}</code></p>\n");
        if (ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } lineage) page.Append($"<p class=\"note\">PBT: {HtmlText.Escape(lineage)}</p>\n");
        page.Append("<div class=\"charts\">\n");
        foreach (var chart in ReportCharts.Schedules(best)) page.Append(chart.ToSvg());
        page.Append("</div>\n");
    }

    private static void WriteFamilies(StringBuilder page, SweepReport report)
    {
        page.Append("<h2>Metric by schedule family</h2>\n");
        if (ReportCharts.Families(report) is not { } chart)
        {
            page.Append("<p class=\"note\">No trial has completed yet.</p>\n");
            return;
        }
        page.Append("<div class=\"charts\">\n").Append(chart.ToSvg()).Append("</div>\n");
        HtmlReportTables.WriteFamilies(page, report.Families);
    }
}
