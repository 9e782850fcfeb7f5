// The run table's JSON routes: GET /sweeps/{id}/trials (one page of the sweep's trials: offset, limit, sort, order,
// status, q, range/min/max) and GET /sweeps/{id}/trials/{index}/history (that trial's epochs). Both are answered from
// the store through the sweep catalog (a stateless worker: the silo that serves the request reads its own store
// connection); no coordinator is asked. A bad parameter is a 400 naming it and what is valid; an unknown sweep or
// trial is a 404.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SweepCluster.Abstractions;
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Web.Sweeps;

/// <summary>Maps and names the run table's JSON routes.</summary>
public static class TrialEndpoints
{
    /// <summary>The page-of-trials route of one sweep.</summary>
    public static string TrialsPath(string sweepId) => $"{SweepEndpoints.PagePath(sweepId)}/trials";

    /// <summary>The history route of one trial, without its index (the script appends "{index}/history").</summary>
    public static string TrialsPrefix(string sweepId) => $"{TrialsPath(sweepId)}/";

    /// <summary>Maps both routes.</summary>
    public static IEndpointRouteBuilder MapTrialEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet($"{SweepEndpoints.ListPath}/{{id}}/trials", PageAsync);
        app.MapGet($"{SweepEndpoints.ListPath}/{{id}}/trials/{{index}}/history", HistoryAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!SweepIds.IsValid(id)) return NotFound($"'{id}' is not a sweep id: {SweepIds.Rule}");
        var (query, error) = TrialQueryParameters.Parse(context.Request.Query);
        if (error is not null) return BadRequest(error);
        var result = await Catalog(grains).QueryTrialsAsync(id, query!);
        return Answer(context, result, page => TrialJson.Of(page));
    }

    private static async Task<IResult> HistoryAsync(string id, string index, HttpContext context, IGrainFactory grains)
    {
        if (!SweepIds.IsValid(id)) return NotFound($"'{id}' is not a sweep id: {SweepIds.Rule}");
        if (TrialQueryParameters.TrialIndex(index, out var trial) is { } error) return BadRequest(error);
        var result = await Catalog(grains).GetTrialHistoryAsync(id, trial);
        return Answer(context, result, history => TrialJson.Of(history));
    }

    private static ISweepCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);

    private static IResult Answer<T>(HttpContext context, TrialQueryResult<T> result, Func<T, object> json) where T : class
    {
        context.Response.Headers.CacheControl = "no-store";
        return result.Outcome switch
        {
            TrialQueryOutcome.Answered => Results.Json(json(result.Value!), TrialJson.Options),
            TrialQueryOutcome.Invalid => BadRequest(new ParameterError(result.Parameter ?? "", result.Message ?? "")),
            _ => NotFound(result.Message ?? ""),
        };
    }

    private static IResult BadRequest(ParameterError error) =>
        Results.Json(new ErrorJson(error.Message, error.Parameter), TrialJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string message) =>
        Results.Json(new ErrorJson(message, null), TrialJson.Options, statusCode: StatusCodes.Status404NotFound);
}
