// A silo's datasets of sweeps: the data files that travelled with them, fetched from the cluster's grain storage by
// hash (DatasetTransfer) and kept in this process, least recently used first out, within a byte budget: one fetch per
// silo per data file while it stays, however many trials train on it. Parsing and preparing are cached above this by
// the engine (DatasetCatalog, TrainingDataLoader). Nothing here ever opens a path: a trial's data is its hash.
using SweepCluster.Abstractions;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Engine.Data;

namespace SweepCluster.Grains.Datasets;

public sealed class SiloDatasets(IGrainFactory grains, long budgetBytes = SiloDatasets.DefaultBudgetBytes)
{
    /// <summary>The most data-file bytes one silo keeps: two files at the size limit.</summary>
    public const long DefaultBudgetBytes = 2 * CsvContent.MaxBytes;

    private readonly SizeBoundedCache<string, CsvContent> _cache = new(budgetBytes, content => content.Bytes.LongLength);

    /// <summary>Fetches from storage so far (one per data file while it stays in the cache).</summary>
    public int Fetches => _cache.Loads;

    /// <summary>The content stored under <paramref name="sha256"/>, from this silo's cache or the cluster's storage.</summary>
    /// <exception cref="DatasetMissingException">The cluster has no intact copy.</exception>
    public Task<CsvContent> GetAsync(string sha256) =>
        _cache.GetOrLoadAsync(sha256, async key => new CsvContent(key, await DatasetTransfer.DownloadAsync(grains, key)));

    /// <summary>The datasets trial <paramref name="assignment"/> may load: built-ins, and its data file by hash.</summary>
    public async Task<IDatasetSource> ForTrialAsync(TrialAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.DataSha256 is not { } sha256) return SweepDatasets.BuiltInsOnly;
        return new SweepDatasets(new Dictionary<string, CsvContent> { [assignment.Spec.Dataset] = await GetAsync(sha256) });
    }

    /// <summary>The datasets of a submitted sweep: built-ins, and every data file it carries; with each file that the
    /// cluster has no copy of, the reason.</summary>
    public async Task<(IDatasetSource Source, IReadOnlyList<string> Missing)> ForSweepAsync(IReadOnlyList<SweepDataFile> files)
    {
        var contents = new Dictionary<string, CsvContent>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var file in files)
        {
            try
            {
                contents[file.Dataset] = await GetAsync(file.Sha256);
            }
            catch (DatasetMissingException error)
            {
                missing.Add($"dataset \"{file.Dataset}\": {error.Message}; submit the sweep again with the sweep CLI, which uploads it");
            }
        }
        return (new SweepDatasets(contents), missing);
    }
}
