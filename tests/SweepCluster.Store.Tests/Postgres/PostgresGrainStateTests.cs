// The grain-state table's contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStateTests(PostgresServer server) : GrainStateContract
{
    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();
}
