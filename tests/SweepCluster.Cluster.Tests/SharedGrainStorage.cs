// Grain storage shared by every silo of an in-process test cluster, standing in for an external store (Redis): it
// lives outside any silo, so killing a silo loses only what that silo had in memory, exactly as with a real store.
// Orleans' own memory storage keeps state inside grains on the silos, so a killed silo would take state with it.
using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace SweepCluster.Cluster.Tests;

public sealed class SharedGrainStore
{
    internal ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, long Version)> Entries { get; } = new();
}

public sealed class SharedGrainStorage(SharedGrainStore store, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.Entries.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.Version.ToString();
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var data = serializer.SerializeToArray(grainState.State);
        var version = store.Entries.AddOrUpdate(key,
            _ => Check(grainState.ETag, null, (data, 1)),
            (_, existing) => Check(grainState.ETag, existing.Version, (data, existing.Version + 1))).Version;
        grainState.ETag = version.ToString();
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Entries.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    // Optimistic concurrency, as real providers do: a writer must have seen the current version.
    private static (byte[] Data, long Version) Check(string? etag, long? current, (byte[] Data, long Version) next)
    {
        var expected = current?.ToString();
        if (etag != expected) throw new InconsistentStateException($"stale write: had version {etag ?? "none"}, store has {expected ?? "none"}", etag ?? "", expected ?? "");
        return next;
    }
}
