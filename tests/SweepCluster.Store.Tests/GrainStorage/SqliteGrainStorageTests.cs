// The grain-storage adapter's contract on SQLite files in a temporary folder.
using SweepCluster.Hosting.Storage;
using SweepCluster.Store.Tests.Sqlite;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.GrainStorage;

public sealed class SqliteGrainStorageTests : GrainStorageContract
{
    private readonly TempDirectory _folder = new();

    protected override StoreKind Kind => StoreKind.Sqlite;

    protected override Task<StoreLocation> NewLocationAsync() => Task.FromResult<StoreLocation>(SqliteLocations.NewIn(_folder));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
