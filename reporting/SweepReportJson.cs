// The JSON form of a SweepReport, as people and tools read it (sweep report --format json, report.json): snake_case property names, enums as
// snake_case strings, NaN/Infinity allowed as named literals, non-ASCII text (α, β, →) written as is while
// HTML-significant characters stay escaped. It does not version or validate the document.
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Json;

namespace SweepCluster.Reporting;

/// <summary>Serializes and deserializes <see cref="SweepReport"/> as JSON text.</summary>
public static class SweepReportJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    /// <summary>The options every SweepCluster JSON document shares (the report's, a comparison's).</summary>
    internal static JsonSerializerOptions Options(bool indented) => indented ? Indented : Compact;

    /// <summary>The report as JSON; <paramref name="indented"/> for people, compact for tools.</summary>
    public static string Serialize(SweepReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, indented ? Indented : Compact);

    /// <summary>Writes what <see cref="Serialize(SweepReport, bool)"/> returns to <paramref name="output"/> as the
    /// serializer goes (it never becomes one string).</summary>
    public static void Serialize(SweepReport report, TextWriter output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new TextWriterStream(output);
        JsonSerializer.Serialize(stream, report, indented ? Indented : Compact);
    }

    /// <summary>A report from JSON written by <see cref="Serialize"/>; throws <see cref="JsonException"/> on malformed text.</summary>
    public static SweepReport Deserialize(string json) =>
        JsonSerializer.Deserialize<SweepReport>(json, Compact) ?? throw new JsonException("the JSON text is null, not a report");

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(SweepReportJsonContext.Default, new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
