// Orleans grain state in the store's grain_state table (SQLite or PostgreSQL): payloads in Orleans' binary
// serializer, the store's etags for optimistic concurrency, a stale etag as Orleans' InconsistentStateException.
// A grain is keyed by its type and its key, so a stored state reads back under the same grain id in any process.
using Orleans.Serialization;
using Orleans.Storage;
using SweepCluster.Store.GrainState;

namespace SweepCluster.Hosting.Storage;

/// <summary>An IGrainStorage over <see cref="SweepCluster.Store.StudyStore.GrainState"/>.</summary>
public sealed class StoreGrainStorage(SiloStore store, Serializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await store.Store.GrainState.ReadAsync(Key(stateName, grainId));
        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = serializer.Deserialize<T>(stored.Payload);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.SerializeToArray(grainState.State);
        try
        {
            grainState.ETag = await store.Store.GrainState.WriteAsync(Key(stateName, grainId), payload, grainState.ETag);
            grainState.RecordExists = true;
        }
        catch (GrainStateConflictException conflict)
        {
            throw Inconsistent(conflict);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            await store.Store.GrainState.ClearAsync(Key(stateName, grainId), grainState.ETag);
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        catch (GrainStateConflictException conflict)
        {
            throw Inconsistent(conflict);
        }
    }

    private static GrainStateKey Key(string stateName, GrainId grainId) => new(grainId.Type.ToString()!, grainId.Key.ToString()!, stateName);

    private static InconsistentStateException Inconsistent(GrainStateConflictException conflict) =>
        new(conflict.Message, conflict.StoredETag ?? "", conflict.ExpectedETag ?? "", conflict);
}
