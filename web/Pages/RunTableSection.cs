// The run table's static part on a sweep page: a chart area for the selected trials' curves, the status boxes, the
// text filter, the pager and an empty table that RunTableScript fills from /sweeps/{id}/trials. It sits outside the
// refreshed #live element and is moved into the fragment's slot (just below the progress panel) after every swap, so
// its state (sort, filter, page, selection) is never reset. No data here: the script inserts every value as text.
using System.Text;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Core.TrialPages;
using SweepCluster.Reporting.Html;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Pages;

/// <summary>Writes the run table's skeleton.</summary>
internal static class RunTableSection
{
    /// <summary>The id of the section the script drives.</summary>
    public const string ElementId = "run-table";

    /// <summary>The id of the empty element in each fragment that the section is moved into.</summary>
    public const string SlotId = "run-table-slot";

    /// <summary>Rows per page of the table.</summary>
    public const int PageRows = 25;

    /// <summary>The most trials whose curves are drawn at once.</summary>
    public const int MaxPlotted = 10;

    /// <summary>The empty element a fragment carries where the run table goes.</summary>
    public static string Slot => $"<div id=\"{SlotId}\"></div>\n";

    public static string Html(string sweepId, TimeSpan refresh)
    {
        var html = new StringBuilder();
        html.Append($"<section id=\"{ElementId}\" class=\"run-table\" data-source=\"{HtmlText.Escape(TrialEndpoints.TrialsPath(sweepId))}\" ")
            .Append($"data-refresh-ms=\"{(int)refresh.TotalMilliseconds}\" data-page-rows=\"{PageRows}\" data-max-plotted=\"{MaxPlotted}\">\n")
            .Append("<h2>Trials</h2>\n")
            .Append("<div id=\"run-chart-area\" class=\"run-chart-area\" data-series=\"0\"></div>\n")
            .Append($"<p id=\"run-chart-note\" class=\"note\">Tick up to {MaxPlotted} trials to plot their learning curves.</p>\n")
            .Append("<div class=\"run-controls\">\n<span class=\"run-statuses\" id=\"run-statuses\">status:");
        foreach (var status in Enum.GetValues<TrialStatus>())
        {
            var name = SpecNames.Of(status);
            html.Append($" <label><input type=\"checkbox\" name=\"status\" value=\"{name}\" /> {name}</label>");
        }
        html.Append(" <span class=\"hint\">(none ticked: all)</span></span>\n")
            .Append($"<input type=\"search\" id=\"run-filter\" maxlength=\"{TrialPageQuery.MaxTextLength}\" placeholder=\"filter by schedule family, optimizer…\" aria-label=\"filter trials by text hyperparameter values\" />\n")
            .Append("<span class=\"run-pager\"><button type=\"button\" id=\"run-prev\">‹ previous</button> <span id=\"run-count\"></span> ")
            .Append("<button type=\"button\" id=\"run-next\">next ›</button></span>\n</div>\n")
            .Append("<div class=\"run-scroll\"><table id=\"run-trials\"><thead><tr id=\"run-head\"></tr></thead><tbody id=\"run-body\"></tbody></table></div>\n")
            .Append("<p id=\"run-message\" class=\"note\"></p>\n")
            .Append("</section>\n");
        return html.ToString();
    }
}
