// What POST /api/sweeps asks for, read into the very SweepSubmission `sweep submit` sends for a spec without data
// files: the format (the `format` query, else the Content-Type), the id (the `id` query, else a new one), and the spec
// checked here first, as the CLI checks it, so that a bad spec comes back with every error's field and line. A spec
// naming a data file is refused: its bytes must travel with it, which is `sweep submit`'s job. The coordinator checks
// the rest (the spec again, its built-in data and this silo's memory budget). Plain C#: no HTTP types.
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Web.Api;

/// <summary>A submission read from a request, or why none can be made.</summary>
/// <param name="SweepId">The sweep's id (null only when the request's id is invalid).</param>
/// <param name="Submission">What the coordinator gets; null when <paramref name="Refusal"/> says why not.</param>
/// <param name="Refusal">Every problem found; null when the spec can be submitted.</param>
public sealed record SweepApiRequest(string? SweepId, SweepSubmission? Submission, ApiErrorJson? Refusal)
{
    /// <summary>The media types read as YAML: the YAML types, text/plain, and the types that say nothing of the text
    /// (curl's default for --data-binary, application/x-www-form-urlencoded, and application/octet-stream), as none.
    /// application/json and any "+json" type are JSON.</summary>
    private static readonly IReadOnlySet<string> YamlTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain", "application/x-www-form-urlencoded",
        "application/octet-stream",
    };

    /// <summary>Reads a request's spec into a submission.</summary>
    /// <param name="text">The request body: the spec's text.</param>
    /// <param name="contentType">The Content-Type header, if any.</param>
    /// <param name="format">The <c>format</c> query ("yaml" or "json"), if any; it wins over the Content-Type.</param>
    /// <param name="id">The <c>id</c> query, if any; a new id from <paramref name="now"/> otherwise.</param>
    /// <param name="allowLarge">Accept sweeps of more than 100,000 trials (`sweep submit --allow-large`).</param>
    public static SweepApiRequest Read(string text, string? contentType, string? format, string? id, bool allowLarge, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sweepId = string.IsNullOrEmpty(id) ? SweepIds.New(now) : id;
        if (!SweepIds.IsValid(sweepId)) return Refused(null, ApiErrorJson.Of("id", $"'{sweepId}': {SweepIds.Rule}"));
        if (FormatOf(contentType, format) is not { } specFormat)
            return Refused(sweepId, format is null
                ? ApiErrorJson.Of("Content-Type", $"'{contentType}' is not a spec format; send application/yaml or application/json, or say ?format=yaml|json")
                : ApiErrorJson.Of("format", $"'{format}' is not a spec format; valid: yaml, json"));
        // The source name is the sweep's default name (a spec without name:) and heads every error message.
        var source = $"{sweepId}.{(specFormat == SpecFormat.Json ? "json" : "yaml")}";
        SweepSpec spec;
        try
        {
            if (SpecKinds.Of(SpecDocument.Parse(text, specFormat, source, baseDirectory: null)) == SpecKind.Trial)
                return Refused(sweepId, ApiErrorJson.Of("this is a single-trial spec (`sweep train`); POST /api/sweeps takes a sweep spec"));
            spec = SweepSpecLoader.Parse(text, specFormat, source, baseDirectory: null, allowLarge);
        }
        catch (SpecException error)
        {
            return Refused(sweepId, Invalid(error.Errors));
        }
        if (spec.Datasets.FirstOrDefault(DatasetCatalog.NamesAFile) is { } file)
            return Refused(sweepId, ApiErrorJson.Of("dataset",
                $"\"{file}\" is a data file, whose contents must travel with the spec: submit this spec with `sweep submit SPEC` " +
                "(the HTTP API takes specs of built-in datasets or an external trainer only)"));
        return new SweepApiRequest(sweepId, new SweepSubmission(text, source, BaseDirectory: null, specFormat == SpecFormat.Json, allowLarge), null);
    }

    /// <summary>The refusal listing every spec error.</summary>
    public static ApiErrorJson Invalid(IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ApiErrorJson($"the spec has {errors.Count} error(s): {string.Join("; ", errors.Select(e => e.ToString()))}",
            errors.Select(ApiProblemJson.Of).ToArray());
    }

    /// <summary>The spec's format: the <c>format</c> query when given, else the Content-Type's; null when neither names one.</summary>
    public static SpecFormat? FormatOf(string? contentType, string? format)
    {
        if (format is not null)
            return format.ToLowerInvariant() switch
            {
                "yaml" or "yml" => SpecFormat.Yaml,
                "json" => SpecFormat.Json,
                _ => null,
            };
        var media = contentType?.Split(';')[0].Trim() ?? "";
        if (media.Length == 0 || YamlTypes.Contains(media)) return SpecFormat.Yaml;
        if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            return SpecFormat.Json;
        return null;
    }

    private static SweepApiRequest Refused(string? sweepId, ApiErrorJson refusal) => new(sweepId, null, refusal);
}
