// The study tables' contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudyTablesTests(PostgresServer server) : StudyTablesContract
{
    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();
}
