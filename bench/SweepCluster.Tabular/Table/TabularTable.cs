// A whole table on disk: NAME.json (the description) beside NAME.csv.gz (the curves); loaded into one DatasetTable
// per dataset.
namespace SweepCluster.Tabular.Table;

/// <summary>A loaded table: its description and each dataset's curves.</summary>
public sealed class TabularTable
{
    /// <summary>Extension of the description file.</summary>
    public const string DescriptionExtension = ".json";

    /// <summary>Extension of the curves file.</summary>
    public const string CurvesExtension = ".csv.gz";

    private readonly Dictionary<string, DatasetTable> _datasets;

    public TabularTable(TableMetadata metadata, IReadOnlyList<TableCurve> curves)
    {
        Metadata = metadata;
        _datasets = metadata.Datasets.ToDictionary(d => d.Name, d => new DatasetTable(metadata, d.Name, curves.Where(c => c.Dataset == d.Name)),
            StringComparer.Ordinal);
    }

    public TableMetadata Metadata { get; }

    /// <summary>The curves of <paramref name="dataset"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such dataset.</exception>
    public DatasetTable Dataset(string dataset) => _datasets.TryGetValue(dataset, out var table)
        ? table
        : throw new KeyNotFoundException($"the table has no dataset {dataset} (datasets: {string.Join(", ", _datasets.Keys)})");

    /// <summary>Loads <c>PATH.json</c> and <c>PATH.csv.gz</c>, where <paramref name="pathWithoutExtension"/> is PATH.</summary>
    /// <exception cref="InvalidDataException">The files do not form a table of the current format.</exception>
    public static TabularTable Load(string pathWithoutExtension)
    {
        var metadata = TableMetadata.FromJson(File.ReadAllText(pathWithoutExtension + DescriptionExtension));
        using var curves = File.OpenRead(pathWithoutExtension + CurvesExtension);
        return new TabularTable(metadata, TableCsvReader.Read(curves, metadata));
    }

    /// <summary>Writes <c>PATH.json</c> and <c>PATH.csv.gz</c>.</summary>
    public static void Save(string pathWithoutExtension, TableMetadata metadata, IEnumerable<TableCurve> curves)
    {
        File.WriteAllText(pathWithoutExtension + DescriptionExtension, metadata.ToJson());
        using var stream = File.Create(pathWithoutExtension + CurvesExtension);
        TableCsvWriter.Write(stream, metadata, curves);
    }
}
