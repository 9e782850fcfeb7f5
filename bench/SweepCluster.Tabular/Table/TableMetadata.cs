// The table's description, stored beside the curves as JSON: the space, the datasets, the epochs and seeds, and
// what the numbers mean. Python reads it with the standard json module.
using System.Text.Json;
using System.Text.Json.Serialization;
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Table;

/// <summary>Everything about a table except its curves.</summary>
/// <param name="Format">The layout version of the curves file.</param>
/// <param name="Description">What was trained and how, in a sentence or two.</param>
/// <param name="Epochs">The epoch budget of every run.</param>
/// <param name="Seeds">The trial seeds (weight initialisation and shuffling) each configuration was trained with.</param>
/// <param name="Metric">What the metric columns hold (maximised).</param>
/// <param name="Cost">What the steps columns hold and how they stand for time.</param>
public sealed record TableMetadata(int Format, string Description, int Epochs, IReadOnlyList<int> Seeds, string Metric, string Cost,
    IReadOnlyList<TableDataset> Datasets, IReadOnlyList<TableDimension> Dimensions)
{
    /// <summary>The layout this code writes and reads.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The space the table's configurations come from.</summary>
    public TableSpace Space() => new(Dimensions);

    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <exception cref="InvalidDataException">The JSON is not a table description of the current format.</exception>
    public static TableMetadata FromJson(string json)
    {
        var metadata = JsonSerializer.Deserialize<TableMetadata>(json, Options) ?? throw new InvalidDataException("empty table description");
        return metadata.Format == CurrentFormat
            ? metadata
            : throw new InvalidDataException($"table format {metadata.Format}; this code reads format {CurrentFormat}");
    }
}
