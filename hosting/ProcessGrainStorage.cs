// Grain storage in this process's memory, outside any silo: the embedded default (`sweep run`) and the in-process test
// clusters, where every silo of the process shares one store, standing in for an external store such as Redis —
// killing a silo loses only what that silo had in memory, exactly as with a real store. Orleans' own memory storage
// instead keeps state in storage grains on the silos (a grain call per write, and a killed silo takes state with it).
// State is serialized with Orleans' binary serializer on every write (a deep copy) and lost when the process exits.
using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace SweepCluster.Hosting;

/// <summary>The state of every grain of one store; share one instance between silos to share their storage.</summary>
public sealed class ProcessGrainStore
{
    internal ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, long Version)> Entries { get; } = new();

    /// <summary>The in-memory SQLite database of the study tables that the silos sharing this store share too.</summary>
    public string StudyDatabaseName { get; } = $"sweepcluster-{Environment.ProcessId}-{Guid.NewGuid():N}";
}

/// <summary>An IGrainStorage over a <see cref="ProcessGrainStore"/>, with optimistic concurrency by version.</summary>
public sealed class ProcessGrainStorage(ProcessGrainStore store, Serializer serializer) : IGrainStorage
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
