// Two silos of a "several machines" cluster (PostgreSQL clustering: they listen on every interface and advertise an
// address, here 127.0.0.1, so cluster TLS is required) built by SweepSiloHost as the silo program builds them, with
// mutual TLS from certificates made at run time: the cluster's CA with silo1, silo2 and a client, and a second CA with
// a stranger. Real sockets: silo-to-silo and client-to-gateway traffic is TLS over TCP.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Grains.Coordination;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;
using SweepCluster.Testing.MultiHost;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Cluster.Tests.Tls;

public sealed class TlsClusterFixture : IAsyncLifetime
{
    public const string ClusterId = "tls", ServiceId = "sweepcluster-tls-test", Client = "client", Stranger = "stranger";
    public static readonly string[] Silos = ["silo1", "silo2"];

    /// <summary>A fast coordinator tick, so that the test sweep ends soon after its last trial.</summary>
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(200);

    private readonly List<IHost> _hosts = [];
    private ThrowawayPostgres? _server;

    public TestCertificates Cluster { get; private set; } = null!;
    public TestCertificates OtherCa { get; private set; } = null!;
    public PostgresStoreLocation Store { get; private set; } = null!;
    public IReadOnlyList<SweepSiloOptions> Options { get; private set; } = [];

    /// <summary>The cluster through its membership table, without certificates (a test adds them).</summary>
    public ClusterTarget Target => new(Options[0].GatewayPort, ClusterId, ServiceId) { Postgres = Store };

    public async Task InitializeAsync()
    {
        Cluster = TestCertificates.Create("SweepCluster test CA", [.. Silos, Client]);
        OtherCa = TestCertificates.Create("another CA", Stranger);
        _server = ThrowawayPostgres.Start();
        Store = await _server.CreateDatabaseAsync("tls");
        Options = Silos.Select(silo => new SweepSiloOptions
        {
            Clustering = ClusteringKind.Postgres,
            Advertise = "127.0.0.1",
            SiloPort = ThrowawayPostgres.FreePort(),
            GatewayPort = ThrowawayPostgres.FreePort(),
            HttpPort = 0,
            Slots = 1,
            ClusterId = ClusterId,
            ServiceId = ServiceId,
            Tls = Cluster.Settings(silo),
        }).ToArray();
        foreach (var options in Options) _hosts.Add(await StartAsync(options));
    }

    // The silo as the program builds it, its connection string in the environment it reads.
    private async Task<IHost> StartAsync(SweepSiloOptions options)
    {
        var connection = _server!.ConnectionString(Store.Database);
        var host = SweepSiloHost.Build(options, new SweepHostSettings
        {
            Environment = name => name == StoreSelection.ConnectionVariable ? connection : null,
            ConfigureSilo = silo => silo.Services.Configure<SweepCoordinatorOptions>(o => o.TickPeriod = TickPeriod),
        });
        try
        {
            await SweepSiloHost.OpenStoreAsync(host);
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
        if (_server is not null) await _server.DisposeAsync();
        Cluster?.Dispose();
        OtherCa?.Dispose();
    }
}
