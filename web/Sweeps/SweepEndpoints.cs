// The sweep routes of a silo's web host: /sweeps (list), /sweeps/{id} (live page), and the report files
// /sweeps/{id}/report.json (exactly `sweep report --format json`) and /sweeps/{id}/report.html (exactly
// `sweep report --format html`). `?view=fragment` returns a page's live part. Rendering is the Pages' job.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SweepCluster.Abstractions;
using SweepCluster.Reporting;
using SweepCluster.Web.Pages;

namespace SweepCluster.Web.Sweeps;

/// <summary>The report files served beside a sweep page.</summary>
public enum ReportFile
{
    /// <summary>The report as `sweep report --format json` prints it.</summary>
    Json,

    /// <summary>The standalone HTML report, as `sweep report --format html` prints it.</summary>
    Html,
}

/// <summary>Maps and names the sweep routes.</summary>
public static class SweepEndpoints
{
    /// <summary>The list of sweeps.</summary>
    public const string ListPath = "/sweeps";

    private const string HtmlContentType = "text/html; charset=utf-8";
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The live page of one sweep.</summary>
    public static string PagePath(string sweepId) => $"{ListPath}/{Uri.EscapeDataString(sweepId)}";

    /// <summary>A report file of one sweep.</summary>
    public static string ReportPath(string sweepId, ReportFile file) => $"{PagePath(sweepId)}/report.{file.ToString().ToLowerInvariant()}";

    /// <summary>Maps the list, the sweep pages and the report files.</summary>
    public static IEndpointRouteBuilder MapSweepPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(ListPath, ListAsync);
        app.MapGet($"{ListPath}/{{id}}", SweepAsync);
        app.MapGet($"{ListPath}/{{id}}/report.json", (string id, SweepReader reader, IGrainFactory grains) => ReportAsync(id, ReportFile.Json, reader, grains));
        app.MapGet($"{ListPath}/{{id}}/report.html", (string id, SweepReader reader, IGrainFactory grains) => ReportAsync(id, ReportFile.Html, reader, grains));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext context, SweepReader reader)
    {
        var fragment = SweepListPage.Fragment(await reader.ListAsync());
        return Html(context, PageViews.Parse(context.Request.Query[PageViews.QueryName]) == PageView.Fragment ? fragment : SweepListPage.Document(fragment));
    }

    private static async Task<IResult> SweepAsync(string id, HttpContext context, SweepReader reader)
    {
        if (!SweepIds.IsValid(id)) return NotFound($"'{id}' is not a sweep id: {SweepIds.Rule}");
        var progress = await reader.ProgressAsync(id);
        if (progress is null) return NotFound($"No sweep with id '{id}' on this cluster.");
        var now = DateTimeOffset.UtcNow;
        var live = await reader.LiveReportAsync(progress, now);
        var view = new SweepProgressView(progress) { ReportSettled = live is null || !progress.IsOver || ReportCoverage.Covers(live.Report, progress) };
        var fragment = SweepPage.Fragment(view, live, now);
        return Html(context, PageViews.Parse(context.Request.Query[PageViews.QueryName]) == PageView.Fragment
            ? fragment
            : SweepPage.Document(id, progress.Name, fragment));
    }

    private static async Task<IResult> ReportAsync(string id, ReportFile file, SweepReader reader, IGrainFactory grains)
    {
        if (!SweepIds.IsValid(id)) return NotFound($"'{id}' is not a sweep id: {SweepIds.Rule}");
        if (await reader.ProgressAsync(id) is not { } progress || await reader.ReportAsync(progress) is not { } report)
            return NotFound($"No sweep with id '{id}' on this cluster.");
        if (file == ReportFile.Json) return Results.Content(ReportRenderers.Render(report, ReportFormat.Json), JsonContentType);
        // The per-trial charts read the study store's run tables (null when the cluster keeps none), as the CLI's report does.
        var runs = await grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).GetRunTablesAsync(id);
        return Results.Content(ReportRenderers.Render(report, ReportFormat.Html, runs), HtmlContentType);
    }

    private static IResult Html(HttpContext context, string html)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, HtmlContentType);
    }

    private static IResult NotFound(string message) =>
        Results.Content(PageLayout.Message("Not found", message), HtmlContentType, statusCode: StatusCodes.Status404NotFound);
}
