// The page-of-trials contract on SQLite files in a temporary folder.
using SweepCluster.Store.Tests.Contract;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteTrialPageTests : TrialPageContract
{
    private readonly TempDirectory _folder = new();

    protected override Task<StoreLocation> NewLocationAsync() => Task.FromResult<StoreLocation>(SqliteLocations.NewIn(_folder));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
