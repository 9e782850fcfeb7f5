// Real silos with real TCP gateways in the test process, built by SweepSiloHost as every silo is: localhost clustering
// joined to the first silo, grain state shared through the process (as an external store would share it), no web
// host. CLI processes reach them with --gateway; a test can stop one without warning (its connections just drop).
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Grains.Coordination;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests.Resilience;

public sealed class GatewaySilos : IAsyncDisposable
{
    /// <summary>Trials each silo trains at once.</summary>
    private const int SlotsPerSilo = 1;

    /// <summary>A fast coordinator tick, so that trials lost with a silo are found again quickly.</summary>
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(200);

    private readonly List<(SweepSiloOptions Options, IHost Host)> _silos = [];

    private GatewaySilos(string clusterId) => ClusterId = clusterId;

    public string ClusterId { get; }

    /// <summary>The silos still running, the first (membership's primary) first.</summary>
    public IReadOnlyList<SweepSiloOptions> Running => _silos.Select(s => s.Options).ToArray();

    public IGrainFactory Grains => _silos[0].Host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The CLI's connection flags for these silos: every gateway and the cluster id.</summary>
    public string[] Flags => ["--gateway", string.Join(',', _silos.Select(s => $"127.0.0.1:{s.Options.GatewayPort}")), "--cluster-id", ClusterId];

    public static async Task<GatewaySilos> StartAsync(int count)
    {
        var cluster = new GatewaySilos($"cli-resilience-{Guid.NewGuid():N}");
        var store = new ProcessGrainStore();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var options = new SweepSiloOptions
                {
                    Slots = SlotsPerSilo, SiloPort = FreePort(), GatewayPort = FreePort(), HttpPort = 0, ClusterId = cluster.ClusterId,
                };
                var primary = i == 0 ? null : new IPEndPoint(IPAddress.Loopback, cluster._silos[0].Options.SiloPort);
                var host = SweepSiloHost.Build(options, new SweepHostSettings
                {
                    Store = store,
                    PrimarySilo = primary,
                    Environment = _ => null,
                    ConfigureSilo = silo => silo.Services.Configure<SweepCoordinatorOptions>(o => o.TickPeriod = TickPeriod),
                });
                await host.StartAsync();
                cluster._silos.Add((options, host));
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Stops the silo whose silo-to-silo endpoint is <paramref name="endpoint"/> without a graceful shutdown:
    /// its grains are not deactivated, its connections drop, the others find it dead by probing.</summary>
    public async Task KillAsync(string endpoint)
    {
        var index = _silos.FindIndex(s => $"127.0.0.1:{s.Options.SiloPort}" == endpoint);
        if (index <= 0) throw new InvalidOperationException($"{endpoint} is not a silo of this cluster other than the primary");
        var (_, host) = _silos[index];
        _silos.RemoveAt(index);
        await host.StopAsync(new CancellationToken(canceled: true));
        host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, host) in Enumerable.Reverse(_silos))
        {
            using var stop = new CancellationTokenSource(StopTimeout);
            try
            {
                await host.StopAsync(stop.Token);
            }
            finally
            {
                host.Dispose();
            }
        }
        _silos.Clear();
    }

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
