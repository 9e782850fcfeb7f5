// One throwaway PostgreSQL server (loopback, a free port) for a test class; each test takes its own database.
using SweepCluster.Store;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Cluster.Tests.Postgres;

public sealed class PostgresServerFixture : IAsyncLifetime
{
    private int _databases;

    public ThrowawayPostgres Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = ThrowawayPostgres.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new, empty database.</summary>
    public Task<PostgresStoreLocation> NewDatabaseAsync() => Server.CreateDatabaseAsync($"c{Interlocked.Increment(ref _databases)}");
}
