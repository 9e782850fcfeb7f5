// The JSON form of a comparison (`sweep compare --format json`): the same conventions as the report's JSON
// (snake_case, enums as snake_case strings, named NaN/Infinity), each sweep with its header, best trial, top
// combination and its best seed's history. It does not read anything back.
using System.Text.Json;
using SweepCluster.Reporting.Json;

namespace SweepCluster.Reporting.Compare;

/// <summary>Writes a <see cref="SweepComparison"/> as indented JSON.</summary>
public static class ComparisonJson
{
    /// <summary>Writes <paramref name="comparison"/> to <paramref name="output"/> as the serializer goes.</summary>
    public static void Write(SweepComparison comparison, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        using (var stream = new TextWriterStream(output)) JsonSerializer.Serialize(stream, comparison, SweepReportJson.Options(indented: true));
        output.WriteLine();
    }
}
