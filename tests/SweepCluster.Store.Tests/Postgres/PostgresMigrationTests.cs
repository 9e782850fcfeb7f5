// The schema versioning contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMigrationTests(PostgresServer server) : MigrationContract
{
    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();

    protected override async Task<IReadOnlyList<string>> TableNamesAsync(StoreLocation location) =>
        (await RawSql.RowsAsync(location, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"))
        .Select(row => (string)row[0]!).ToList();
}
