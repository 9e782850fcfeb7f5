// The store of one silo host, opened once: the lock of a SQLite file, the StudyStore and the one batching StudyWriter
// that every grain of the silo records through. The silo program and `sweep run` open it before the silo starts, so a
// bad store stops them with its one-line message; SiloStoreService opens it for any other host, before Orleans starts.
// Closing writes what the writer still holds.
using Microsoft.Extensions.Logging;
using SweepCluster.Store;
using SweepCluster.Store.Study;

namespace SweepCluster.Hosting.Storage;

/// <summary>A silo's store, its lock and its study writer.</summary>
public sealed class SiloStore(StoreSelection selection, ILogger<SiloStore> logger) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private StoreLockFile? _lock;
    private StudyStore? _store;
    private StudyWriter? _writer;
    private bool _closed;

    /// <summary>What the silo was asked to use.</summary>
    public StoreSelection Selection { get; } = selection;

    /// <summary>The opened store.</summary>
    /// <exception cref="InvalidOperationException">Not opened yet.</exception>
    public StudyStore Store => _store ?? throw new InvalidOperationException($"{Selection.Location} is not open yet");

    /// <summary>The silo's one batching writer.</summary>
    public StudyWriter Writer => _writer ?? throw new InvalidOperationException($"{Selection.Location} is not open yet");

    /// <summary>Takes the store's lock (a SQLite file), opens (creates, migrates) it and starts its writer; once.</summary>
    /// <exception cref="StoreException">The store cannot be used; nothing in it was changed.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        await _opening.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (_store is not null) return;
            if (Selection.Location is SqliteStoreLocation file) _lock = StoreLockFile.Take(file);
            try
            {
                _store = await StudyStore.OpenAsync(Selection.Location, cancellationToken);
            }
            catch
            {
                _lock?.Dispose();
                _lock = null;
                throw;
            }
            _writer = _store.CreateWriter();
            logger.LogInformation("Store: {Store} (schema version {Version})", _store.Name, _store.SchemaVersion);
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Writes what the writer holds, closes the store and frees its lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            if (_writer is not null) await _writer.DisposeAsync();
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Study rows of {Store} could not be written at shutdown", Selection.Location);
        }
        finally
        {
            if (_store is not null) await _store.DisposeAsync();
            _lock?.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
