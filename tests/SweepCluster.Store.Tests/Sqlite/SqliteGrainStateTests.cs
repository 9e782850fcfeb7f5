// The grain-state table's contract on SQLite files in a temporary folder.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteGrainStateTests : GrainStateContract
{
    private readonly TempDirectory _folder = new();

    protected override Task<StoreLocation> NewLocationAsync() => Task.FromResult<StoreLocation>(SqliteLocations.NewIn(_folder));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
