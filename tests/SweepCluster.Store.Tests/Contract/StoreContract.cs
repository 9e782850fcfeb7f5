// The base of every contract test class: a fresh, empty store location per test (a temporary SQLite file, or a new
// PostgreSQL database), opened stores disposed at the end.
using SweepCluster.Store;

namespace SweepCluster.Store.Tests.Contract;

public abstract class StoreContract : IAsyncLifetime
{
    private readonly List<StudyStore> _opened = [];

    /// <summary>A location where no store exists yet.</summary>
    protected abstract Task<StoreLocation> NewLocationAsync();

    /// <summary>Opens the store at <paramref name="location"/>; it is disposed when the test ends.</summary>
    protected async Task<StudyStore> OpenAsync(StoreLocation location)
    {
        var store = await StudyStore.OpenAsync(location);
        _opened.Add(store);
        return store;
    }

    /// <summary>A new store at a new location.</summary>
    protected async Task<(StudyStore Store, StoreLocation Location)> NewStoreAsync()
    {
        var location = await NewLocationAsync();
        return (await OpenAsync(location), location);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }
}
