// One chunk of a stored data file: its bytes in grain storage and nowhere else. It leaves memory after every call, so a
// silo holds a data file only in its own dataset cache (SiloDatasets), never in chunk activations.
using SweepCluster.Abstractions.Datasets;

namespace SweepCluster.Grains.Datasets;

public sealed class DatasetChunkGrain(
    [PersistentState("chunk", StorageNames.Sweeps)] IPersistentState<DatasetChunkState> state) : Grain, IDatasetChunkGrain
{
    public async Task PutAsync(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > DatasetChunks.ChunkBytes)
            throw new ArgumentException($"a chunk holds at most {DatasetChunks.ChunkBytes:N0} bytes, not {bytes.Length:N0}", nameof(bytes));
        DeactivateOnIdle();
        if (state.State.Bytes is { } stored && stored.AsSpan().SequenceEqual(bytes)) return;
        state.State = new DatasetChunkState(bytes);
        await state.WriteStateAsync();
    }

    public Task<byte[]> GetAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(state.State.Bytes ?? []);
    }
}
