// The batching writer's contract on PostgreSQL: a new database of the test server for each test.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Contract;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStudyWriterTests(PostgresServer server) : StudyWriterContract
{
    protected override async Task<StoreLocation> NewLocationAsync() => await server.NewDatabaseAsync();
}
