// A data file stored once per content in the cluster's grain storage: a thin shell that seals the chunks the client
// wrote (DatasetSeal checks them against the key) and hands out the manifest.
using SweepCluster.Abstractions.Datasets;

namespace SweepCluster.Grains.Datasets;

public sealed class DatasetGrain(
    [PersistentState("dataset", StorageNames.Sweeps)] IPersistentState<DatasetState> state) : Grain, IDatasetGrain
{
    public Task<DatasetManifest?> GetManifestAsync() => Task.FromResult(state.State.Manifest);

    public async Task<DatasetManifest> SealAsync(long length)
    {
        if (state.State.Manifest is { } sealedBefore && sealedBefore.Length == length) return sealedBefore;
        var sha256 = this.GetPrimaryKeyString();
        var chunks = new List<byte[]>();
        foreach (var index in DatasetSeal.ChunkIndices(sha256, length))
            chunks.Add(await GrainFactory.GetGrain<IDatasetChunkGrain>(DatasetChunks.Key(sha256, index)).GetAsync());
        var manifest = DatasetSeal.Check(sha256, length, chunks, DateTimeOffset.UtcNow);
        state.State = new DatasetState(manifest);
        await state.WriteStateAsync();
        return manifest;
    }
}
