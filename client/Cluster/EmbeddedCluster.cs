// The embedded default: a silo inside the CLI's own process (localhost clustering on free ports, in-memory storage,
// no gateway), so `sweep run` needs no service at all. The CLI talks to it through the silo's own grain factory.
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SweepCluster.Grains.Hosting;

namespace SweepCluster.Cli.Cluster;

public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedCluster(IHost host, int slots)
    {
        _host = host;
        Slots = slots;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }
    public int Slots { get; }

    public static async Task<EmbeddedCluster> StartAsync(int slots, CancellationToken cancellation)
    {
        var options = new SweepSiloOptions
        {
            Slots = slots,
            SiloPort = FreeLoopbackPort(),
            GatewayPort = 0,
            ClusterId = $"sweep-run-{Environment.ProcessId}",
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseSweepClusterLocalhost(options));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new EmbeddedCluster(host, options.EffectiveSlots);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
