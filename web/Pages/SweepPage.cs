// /sweeps/{id}: the sweep's progress panel above the same report `sweep report --format html` writes (the report's
// own renderer, embedded), refreshed in place while the sweep runs.
using System.Text;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Html;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Pages;

/// <summary>Renders one sweep's page and its live fragment.</summary>
internal static class SweepPage
{
    /// <summary>How often the page fetches its fragment while the sweep runs.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    /// <summary>The live part: progress panel and report.</summary>
    public static string Fragment(SweepProgressView progress, SweepReport? report, DateTimeOffset now)
    {
        var html = new StringBuilder();
        ProgressPanel.Write(html, progress, now);
        if (report is null) html.Append("<p class=\"note\">The report is not available yet.</p>\n");
        else html.Append(HtmlRenderer.RenderBody(report));
        return html.ToString();
    }

    /// <summary>The whole page around <paramref name="fragment"/>.</summary>
    public static string Document(string sweepId, string name, string fragment)
    {
        var path = SweepEndpoints.PagePath(sweepId);
        return PageLayout.Document($"Sweep {name} ({sweepId})", fragment, PageViews.FragmentUrl(path), Refresh,
        [
            (SweepEndpoints.ReportPath(sweepId, ReportFile.Html), "report (HTML)"),
            (SweepEndpoints.ReportPath(sweepId, ReportFile.Json), "report (JSON)"),
        ]);
    }
}
