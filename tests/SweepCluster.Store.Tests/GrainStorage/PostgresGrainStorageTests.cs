// The grain-storage adapter's contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Hosting.Storage;
using SweepCluster.Store.Tests.Postgres;

namespace SweepCluster.Store.Tests.GrainStorage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresServer server) : GrainStorageContract
{
    protected override StoreKind Kind => StoreKind.Postgres;

    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();
}
