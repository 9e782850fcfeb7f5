// The document around every web page: head with the report's and the pages' CSS, the navigation bar, the #live
// element the script refreshes, what a page keeps outside it (the run table), and the scripts. Callers pass
// already-escaped HTML.
using System.Text;
using SweepCluster.Reporting.Html;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Web.Pages;

/// <summary>Wraps page content in the shared layout.</summary>
internal static class PageLayout
{
    /// <summary>A whole page whose #live element holds <paramref name="liveHtml"/>, refreshed from <paramref name="fragmentUrl"/>.</summary>
    /// <param name="title">Plain text (escaped here).</param>
    /// <param name="extraLinks">Extra navigation links as (href, text), plain text.</param>
    /// <param name="afterLive">HTML placed after #live, outside what the script refreshes (already escaped); none when null.</param>
    /// <param name="script">One more inline script, run after the live script; none when null.</param>
    public static string Document(string title, string liveHtml, string fragmentUrl, TimeSpan refresh, IEnumerable<(string Href, string Text)> extraLinks,
        string? afterLive = null, string? script = null)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<link rel=\"icon\" href=\"data:,\" />\n") // no icon: the browser does not ask for /favicon.ico (a 404 on its console)
            .Append($"<title>{HtmlText.Escape(title)}</title>\n")
            .Append("<style>\n").Append(HtmlRenderer.StyleSheet).Append('\n').Append(WebStyles.Css).Append("\n</style>\n")
            .Append(Sweeps.ChartLibraryAsset.HeadElements).Append("</head>\n<body>\n")
            .Append("<nav class=\"top\"><span class=\"brand\">SweepCluster</span>")
            .Append($"<a href=\"{Sweeps.SweepEndpoints.ListPath}\">Sweeps</a>")
            .Append($"<a href=\"{SweepWebHostExtensions.DashboardPrefix}/\">Orleans dashboard</a>");
        foreach (var (href, text) in extraLinks) page.Append($"<a href=\"{HtmlText.Escape(href)}\">{HtmlText.Escape(text)}</a>");
        page.Append("<span id=\"live-status\" class=\"live-status\"></span></nav>\n")
            .Append($"<div id=\"{LiveScript.LiveElementId}\" data-source=\"{HtmlText.Escape(fragmentUrl)}\" data-refresh-ms=\"{(int)refresh.TotalMilliseconds}\">\n")
            .Append(liveHtml)
            .Append("</div>\n")
            .Append(afterLive ?? "")
            .Append("<script>\n").Append(LiveScript.Js).Append("\n</script>\n");
        if (script is not null) page.Append("<script>\n").Append(script).Append("\n</script>\n");
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>A small page with a heading and a message (not found, bad id).</summary>
    public static string Message(string title, string message) =>
        Document(title, $"<div {LiveScript.FinalAttribute}=\"true\"><h1>{HtmlText.Escape(title)}</h1>\n<p>{HtmlText.Escape(message)}</p></div>\n",
            Sweeps.SweepEndpoints.ListPath, TimeSpan.FromSeconds(1), []);
}
