// Datasets of this machine: built-ins, and CSV files at the paths specs name (relative to the spec's folder). For the
// client (`sweep train`, `sweep validate` of built-ins) and benchmarks; never used on a silo.
namespace SweepCluster.Engine.Data;

/// <param name="BaseDirectory">The folder relative CSV paths resolve against; null: the current directory.</param>
public sealed record LocalDatasets(string? BaseDirectory = null) : IDatasetSource
{
    public string Identify(string dataset) => DatasetCatalog.FileOf(dataset, BaseDirectory) ?? dataset.Trim().ToLowerInvariant();

    public Dataset Load(string dataset, DatasetRequest request) => DatasetCatalog.Load(dataset, request with { BaseDirectory = BaseDirectory });
}
