// A run table as JSON: an array with one object per row, keyed by column name in column order, with typed values
// (strings, integers, numbers in round-trip form, null for null, NaN and infinities). `pd.read_json` and `json.loads`
// read it as is.
using System.Text.Json;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Runs;

/// <summary>Writes a <see cref="RunTable"/> as JSON.</summary>
public static class RunTableJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The whole table as an indented JSON array, ending in a line break.</summary>
    public static string Render(RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var row in table.Rows)
            {
                writer.WriteStartObject();
                for (var c = 0; c < table.Columns.Count; c++) WriteCell(writer, table.Columns[c].Name, row[c]);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCell(Utf8JsonWriter writer, string name, object? cell)
    {
        switch (cell)
        {
            case string text:
                writer.WriteString(name, text);
                break;
            case long integer:
                writer.WriteNumber(name, integer);
                break;
            case double real when double.IsFinite(real):
                writer.WriteNumber(name, real);
                break;
            default:
                writer.WriteNull(name);
                break;
        }
    }
}
