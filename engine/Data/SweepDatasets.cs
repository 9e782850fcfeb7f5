// The datasets of a sweep as a silo may know them: built-ins by name, and the CSV content that travelled with the sweep,
// looked up by the spec's `dataset:` value as written. Anything else is refused without touching the file system: a
// silo never opens a path named in a spec.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Data;

/// <param name="Files">The sweep's data files by their <c>dataset:</c> value as written in the spec.</param>
public sealed class SweepDatasets(IReadOnlyDictionary<string, CsvContent> files) : IDatasetSource
{
    /// <summary>Built-in datasets only.</summary>
    public static SweepDatasets BuiltInsOnly { get; } = new(new Dictionary<string, CsvContent>());

    public IReadOnlyDictionary<string, CsvContent> Files { get; } = files;

    public string Identify(string dataset) =>
        Files.TryGetValue(dataset, out var content) ? DatasetCatalog.ContentIdentity(content.Sha256) : dataset.Trim().ToLowerInvariant();

    public Dataset Load(string dataset, DatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Files.TryGetValue(dataset, out var content)) return DatasetCatalog.LoadContent(content, dataset, request);
        if (!DatasetCatalog.NamesAFile(dataset)) return DatasetCatalog.LoadBuiltIn(dataset, request);
        throw new SpecException(new SpecError(SpecError.InlineSource, "dataset", null,
            $"\"{dataset}\" came without its data: silos never open a file named in a spec. Submit the sweep with the " +
            "sweep CLI (`sweep submit` or `sweep run`), which reads the file and sends it with the sweep"));
    }
}
