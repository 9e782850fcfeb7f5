// The charting library as one file the web pages load by URL: versioned in its path and cached by the browser for a
// year, so a page costs its own few kilobytes, not the library's megabyte, on every visit. The standalone report keeps
// the library inline (it must work offline); this route is for the silo's own pages only.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SweepCluster.Reporting.Charts;

namespace SweepCluster.Web.Sweeps;

/// <summary>Serves the charting library's script.</summary>
public static class ChartLibraryAsset
{
    /// <summary>A year: the path changes with the library's version, so the file behind it never does.</summary>
    private const string ForeverCached = "public, max-age=31536000, immutable";

    private const string JavaScriptContentType = "text/javascript; charset=utf-8";

    /// <summary>The library's path: its version in the name.</summary>
    public static string Path => $"/assets/echarts-{ChartLibrary.Version}.min.js";

    /// <summary>Maps <see cref="Path"/>.</summary>
    public static IEndpointRouteBuilder MapChartLibrary(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = ForeverCached;
            return Results.Content(ChartLibrary.Script, JavaScriptContentType);
        });
        return app;
    }

    /// <summary>The head elements of a page that loads the library from <see cref="Path"/>, then defines
    /// <c>window.SweepCharts</c>. HTML.</summary>
    public static string HeadElements =>
        $"<script src=\"{Path}\"></script>\n<script>\n{ChartScripts.Init}\n</script>\n";
}
