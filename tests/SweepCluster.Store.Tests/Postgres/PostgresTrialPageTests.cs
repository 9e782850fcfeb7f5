// The page-of-trials contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Store.Tests.Contract;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTrialPageTests(PostgresServer server) : TrialPageContract
{
    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();
}
