// /sweeps/{id}: the sweep's progress panel, the run table (every trial, from the store), then the same report
// `sweep report --format html` writes (the report's own renderer, embedded, rendered once per rebuild; left out for
// large sweeps only when the coordinator would have to build it), refreshed in place while the sweep runs.
using System.Globalization;
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

    /// <summary>The live part: progress panel, the run table's slot, and the report (or, for a sweep too large for a
    /// live report, a note saying the run table stands in for it).</summary>
    public static string Fragment(SweepProgressView progress, RenderedLiveReport? report, DateTimeOffset now)
    {
        var html = new StringBuilder();
        ProgressPanel.Write(html, progress, now);
        html.Append(RunTableSection.Slot);
        if (report is null && progress.Progress.TotalTrials > LiveReportPolicy.MaxTrials) html.Append(LargeSweepNote(progress.Progress));
        else if (report is null) html.Append("<p class=\"note\">The report is not available yet.</p>\n");
        else html.Append(report.Body);
        return html.ToString();
    }

    /// <summary>Why a large sweep's page has no report, and where the report is.</summary>
    private static string LargeSweepNote(SweepCluster.Abstractions.SweepProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\" id=\"report-omitted\">This sweep has {progress.TotalTrials:N0} trials: its page does not embed the report (the coordinator builds it, where the grains keep no state in the store, for ") +
        string.Create(CultureInfo.InvariantCulture, $"sweeps of up to {LiveReportPolicy.MaxTrials:N0} trials) and shows the trials table above, read from the store, instead. ") +
        $"The whole report: <a href=\"{HtmlText.Escape(SweepEndpoints.ReportPath(progress.SweepId, ReportFile.Html))}\">report (HTML)</a>.</p>\n";

    /// <summary>The whole page around <paramref name="fragment"/>.</summary>
    public static string Document(string sweepId, string name, string fragment)
    {
        var path = SweepEndpoints.PagePath(sweepId);
        return PageLayout.Document($"Sweep {name} ({sweepId})", fragment, PageViews.FragmentUrl(path), Refresh,
        [
            (SweepEndpoints.ReportPath(sweepId, ReportFile.Html), "report (HTML)"),
            (SweepEndpoints.ReportPath(sweepId, ReportFile.Json), "report (JSON)"),
        ], RunTableSection.Html(sweepId, Refresh), RunTableScript.Js);
    }
}
