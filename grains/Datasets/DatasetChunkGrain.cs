// One chunk of a stored data file: its bytes in grain storage and nowhere else. It leaves memory after every call, so a
// silo holds a data file only in its own dataset cache (SiloDatasets), never in chunk activations. Once its data file
// is sealed, other bytes are refused: a sealed copy that sweeps train on never changes.
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
        if (state.State.Bytes is { } stored)
        {
            if (stored.AsSpan().SequenceEqual(bytes)) return;
            var sha256 = this.GetPrimaryKeyString().Split('/')[0];
            if (await GrainFactory.GetGrain<IDatasetGrain>(sha256).GetManifestAsync() is not null)
                throw new InvalidOperationException($"chunk {this.GetPrimaryKeyString()} belongs to a sealed data file and cannot change");
        }
        state.State = new DatasetChunkState(bytes);
        await state.WriteStateAsync();
    }

    public Task<byte[]> GetAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(state.State.Bytes ?? []);
    }
}
