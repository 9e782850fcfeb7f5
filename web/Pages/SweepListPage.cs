// /sweeps: every sweep of the cluster (newest first) with its status and progress, refreshed in place.
using System.Globalization;
using System.Text;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Html;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Pages;

/// <summary>Renders the sweep list and its live fragment.</summary>
internal static class SweepListPage
{
    /// <summary>How often the list refreshes (it never becomes final: new sweeps may appear).</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private const string PercentFormat = "0";

    public static string Fragment(IReadOnlyList<SweepRow> rows)
    {
        var html = new StringBuilder("<h1>Sweeps</h1>\n");
        if (rows.Count == 0)
        {
            html.Append("<p class=\"note\">No sweep on this cluster yet: <code>sweep submit SPEC</code> starts one.</p>\n");
            return html.ToString();
        }
        html.Append($"<p class=\"note\">The {SweepReader.MaxListed} most recent sweeps at most, newest first.</p>\n")
            .Append($"<table id=\"sweeps\">\n<thead><tr><th>sweep</th><th>name</th><th>status</th><th>progress</th><th>trials done</th><th>created</th><th>{ReportWords.BestTrial}</th></tr></thead>\n<tbody>\n");
        foreach (var (listing, progress) in rows)
        {
            var view = progress is null ? null : new SweepProgressView(progress);
            var percent = ((view?.Fraction ?? 0) * 100).ToString(PercentFormat, CultureInfo.InvariantCulture);
            html.Append($"<tr data-sweep-id=\"{HtmlText.Escape(listing.SweepId)}\">")
                .Append($"<td><a href=\"{HtmlText.Escape(SweepEndpoints.PagePath(listing.SweepId))}\"><code>{HtmlText.Escape(listing.SweepId)}</code></a></td>")
                .Append($"<td>{HtmlText.Escape(listing.Name)}</td>")
                .Append($"<td>{Badge.Html(progress?.Status ?? listing.Status)}</td>")
                .Append($"<td><span class=\"bar\"><span style=\"width: {percent}%\"></span></span>{percent}%</td>")
                .Append($"<td class=\"num\">{(progress is null ? 0 : ProgressWords.Done(progress.Count))}/{listing.TotalTrials}</td>")
                .Append($"<td>{ReportText.Timestamp(listing.CreatedAt)}</td>")
                .Append($"<td class=\"num\">{HtmlText.Escape(ReportText.Metric(progress?.BestMetric))}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    public static string Document(string fragment) =>
        PageLayout.Document("Sweeps — SweepCluster", fragment, PageViews.FragmentUrl(SweepEndpoints.ListPath), Refresh, []);
}
