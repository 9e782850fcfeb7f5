// Silos of several machines on one PostgreSQL database, for real: two silo hosts built by SweepSiloHost as the silo
// program builds them (`--clustering postgres`, the connection string from the environment, TCP on loopback) form ONE
// Orleans cluster through the membership table in the store's database; a client finds them there; a silo of another
// cluster id on that database is refused, told how to join; a client with the wrong password is told which store
// refused it, never the password.
using Microsoft.Extensions.Hosting;
using SweepCluster.Abstractions;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Cluster.Tests.Postgres;

public sealed class PostgresClusteringTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoSilosFormOneClusterThroughTheMembershipTableAndAClientFindsItThere()
    {
        var store = await postgres.NewDatabaseAsync();
        var first = Options("blue");
        var second = Options("blue");
        using var one = await StartAsync(first, store);
        using var two = await StartAsync(second, store);
        try
        {
            await using var client = await ClusterConnection.ConnectAsync(
                new ClusterTarget(first.GatewayPort, "blue", first.ServiceId) { Postgres = store }, CancellationToken.None);
            var hosts = await ActiveHostsAsync(client.Grains, count: 2);

            Assert.Equal(new[] { first.SiloPort, second.SiloPort }.Order(), hosts.Keys.Select(silo => silo.Endpoint.Port).Order());
            var rows = MembershipRows.Live(await PostgresMembership.ReadAsync(store, CancellationToken.None), DateTimeOffset.UtcNow).ToArray();
            Assert.Equal(2, rows.Length);
            Assert.All(rows, row => Assert.Equal("blue", row.ClusterId));
            var slots = await client.Grains.GetGrain<ISiloDirectoryGrain>(ISiloDirectoryGrain.Key).GetSlotsAsync();
            Assert.Equal(2, slots.Count);
        }
        finally
        {
            await two.StopAsync();
            await one.StopAsync();
        }
    }

    [Fact]
    public async Task ASiloWithAnotherClusterIdOnTheSameDatabaseIsRefusedAndToldHowToJoin()
    {
        var store = await postgres.NewDatabaseAsync();
        var blue = Options("blue");
        using var running = await StartAsync(blue, store);
        try
        {
            var green = Options("green");
            var error = await Assert.ThrowsAsync<ClusterStartupException>(() =>
                ClusterPreflight.CheckSiloAsync(green, new StoreSelection(StoreKind.Postgres, store), CancellationToken.None));

            Assert.Contains("--cluster-id 'green'", error.Message);
            Assert.Contains("cluster 'blue' with 1 active silo(s)", error.Message);
            Assert.Contains("--cluster-id blue to join it", error.Message);
            Assert.Contains(store.Name, error.Message);
            Assert.DoesNotContain(postgres.Server.Password, error.Message);
            await ClusterPreflight.CheckSiloAsync(Options("blue"), new StoreSelection(StoreKind.Postgres, store), CancellationToken.None); // joins
        }
        finally
        {
            await running.StopAsync();
        }
    }

    [Fact]
    public async Task AClientWithAClusterIdThatNoSiloHasIsToldWhichOnesExist()
    {
        var store = await postgres.NewDatabaseAsync();
        await using (await StudyStore.OpenAsync(store))
        {
        }
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            ClusterConnection.ConnectAsync(new ClusterTarget(0, "blue", "sweepcluster") { Postgres = store }, CancellationToken.None));
        Assert.Contains("no active SweepCluster silo with a gateway is registered in", error.Message);
        Assert.Contains("--clustering postgres", error.Message);
    }

    [Fact]
    public async Task AClientWithTheWrongPasswordIsToldWhichStoreRefusedItAndNeverThePassword()
    {
        var store = (await postgres.NewDatabaseAsync()) with { Password = "wrong-password-5d1e" };

        var error = await Assert.ThrowsAsync<StoreException>(() =>
            ClusterConnection.ConnectAsync(new ClusterTarget(0, "blue", "sweepcluster") { Postgres = store }, CancellationToken.None));

        Assert.Equal(StoreErrorKind.BadCredentials, error.Kind);
        Assert.Contains(store.Name, error.Message);
        Assert.DoesNotContain("wrong-password-5d1e", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    // The cluster's own view: both silos active (a silo joining takes a moment to be seen by the other).
    private static async Task<Dictionary<SiloAddress, SiloStatus>> ActiveHostsAsync(IGrainFactory grains, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            if (active.Count == count || DateTime.UtcNow > deadline) return active;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static SweepSiloOptions Options(string clusterId) => new()
    {
        Clustering = ClusteringKind.Postgres,
        Advertise = "127.0.0.1",
        SiloPort = ThrowawayPostgres.FreePort(),
        GatewayPort = ThrowawayPostgres.FreePort(),
        HttpPort = 0,
        Slots = 1,
        ClusterId = clusterId,
        ServiceId = "sweepcluster-pg-test",
        Tls = { Mode = ClusterTlsMode.Off }, // membership is the subject here; cluster TLS has its own tests (Tls/)
    };

    // The silo as the program builds it, its connection string in the environment it reads.
    private async Task<IHost> StartAsync(SweepSiloOptions options, PostgresStoreLocation store)
    {
        var connection = postgres.Server.ConnectionString(store.Database);
        var host = SweepSiloHost.Build(options, new SweepHostSettings
        {
            Environment = name => name == StoreSelection.ConnectionVariable ? connection : null,
        });
        try
        {
            await SweepSiloHost.OpenStoreAsync(host);
            await ClusterPreflight.CheckSiloAsync(options, new StoreSelection(StoreKind.Postgres, store), CancellationToken.None);
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
