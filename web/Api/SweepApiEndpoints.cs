// The JSON API for scripts (the Python client, curl): POST /api/sweeps submits a spec as `sweep submit` does (one
// without data files), GET /api/sweeps/{id} is its progress, GET /api/sweeps/{id}/trials its trials table, and
// POST /api/sweeps/{id}/cancel cancels it. Thin: SweepApiRequest reads a submission, SweepApiAnswers and the JSON
// records say what to answer; these routes only call the grains. Every answer is JSON, errors included
// (ApiErrorJson), with snake_case keys.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SweepCluster.Abstractions;
using SweepCluster.Specs;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Api;

/// <summary>Maps and names the /api/ routes.</summary>
public static class SweepApiEndpoints
{
    /// <summary>Where sweeps are submitted; each sweep's routes are below it.</summary>
    public const string SweepsPath = "/api/sweeps";

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>The progress route of one sweep.</summary>
    public static string SweepPath(string sweepId) => $"{SweepsPath}/{Uri.EscapeDataString(sweepId)}";

    public static IEndpointRouteBuilder MapSweepApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(SweepsPath, SubmitAsync);
        app.MapGet($"{SweepsPath}/{{id}}", StatusAsync);
        app.MapGet($"{SweepsPath}/{{id}}/trials", TrialsAsync);
        app.MapPost($"{SweepsPath}/{{id}}/cancel", CancelAsync);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IGrainFactory grains)
    {
        var query = context.Request.Query;
        if (context.Request.ContentLength > SpecLimits.MaxFileBytes || await ReadLimitedAsync(context.Request) is not { } text)
            return Answer(context, new ApiAnswer(StatusCodes.Status413PayloadTooLarge, ApiErrorJson.Of($"the spec is larger than {SpecLimits.MaxFileBytes:N0} bytes")));
        var allowLarge = false;
        if (query["allow_large"].ToString() is { Length: > 0 } large && !bool.TryParse(large, out allowLarge))
            return Answer(context, new ApiAnswer(StatusCodes.Status400BadRequest, ApiErrorJson.Of("allow_large", $"'{large}' is not true or false")));
        var request = SweepApiRequest.Read(text, context.Request.ContentType, NullIfEmpty(query["format"]), NullIfEmpty(query["id"]), allowLarge,
            DateTimeOffset.UtcNow);
        if (request.Refusal is { } refusal) return Answer(context, new ApiAnswer(StatusCodes.Status400BadRequest, refusal));
        var result = await grains.GetGrain<ISweepCoordinatorGrain>(request.SweepId!).SubmitAsync(request.Submission!);
        if (result.Outcome == SubmitOutcome.Created) context.Response.Headers.Location = SweepPath(result.SweepId);
        return Answer(context, SweepApiAnswers.Of(result));
    }

    private static async Task<IResult> StatusAsync(string id, HttpContext context, SweepReader reader)
    {
        if (await FindAsync(id, reader) is not { } progress) return Answer(context, SweepApiAnswers.NoSweep(id));
        return Answer(context, new ApiAnswer(StatusCodes.Status200OK, SweepStatusJson.Of(progress)));
    }

    private static async Task<IResult> TrialsAsync(string id, HttpContext context, SweepReader reader, IGrainFactory grains)
    {
        if (await FindAsync(id, reader) is not { } progress) return Answer(context, SweepApiAnswers.NoSweep(id));
        var tables = await grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key).GetRunTablesAsync(id);
        if (tables is null)
            return Answer(context, new ApiAnswer(StatusCodes.Status404NotFound,
                ApiErrorJson.Of($"sweep '{id}' has no trials table: this cluster keeps no study store")));
        var failures = (await reader.ReportAsync(progress))?.Failures ?? [];
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(ApiTrialTable.Render(tables.Trials, failures), JsonContentType);
    }

    private static async Task<IResult> CancelAsync(string id, HttpContext context, SweepReader reader, IGrainFactory grains)
    {
        if (await FindAsync(id, reader) is null) return Answer(context, SweepApiAnswers.NoSweep(id));
        await grains.GetGrain<ISweepCoordinatorGrain>(id).CancelAsync(); // cancelling twice is harmless
        return await StatusAsync(id, context, reader);
    }

    /// <summary>The sweep's progress; null for an invalid id or a sweep this cluster does not have.</summary>
    private static async Task<SweepProgress?> FindAsync(string id, SweepReader reader) =>
        SweepIds.IsValid(id) ? await reader.ProgressAsync(id) : null;

    /// <summary>The body as text; null when it has more characters than a spec may have bytes.</summary>
    private static async Task<string?> ReadLimitedAsync(HttpRequest request)
    {
        using var body = new StreamReader(request.Body);
        var buffer = new char[SpecLimits.MaxFileBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read))) > 0) read += n;
        return read > SpecLimits.MaxFileBytes ? null : new string(buffer, 0, read);
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || value[0] is not { Length: > 0 } text ? null : text;

    private static IResult Answer(HttpContext context, ApiAnswer answer)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(answer.Body, SweepApiAnswers.Options, statusCode: answer.StatusCode);
    }
}
