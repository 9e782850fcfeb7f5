// The schema versioning contract on SQLite files in a temporary folder.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteMigrationTests : MigrationContract
{
    private readonly TempDirectory _folder = new();

    protected override Task<StoreLocation> NewLocationAsync() => Task.FromResult<StoreLocation>(SqliteLocations.NewIn(_folder));

    protected override async Task<IReadOnlyList<string>> TableNamesAsync(StoreLocation location) =>
        (await RawSql.RowsAsync(location, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).Select(row => (string)row[0]!).ToList();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
