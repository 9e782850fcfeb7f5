// The embedded default: a silo inside the CLI's own process (localhost clustering on free ports, in-memory storage,
// no gateway), so `sweep run` needs no service at all. The CLI talks to it through the silo's own grain factory.
// With an HTTP port it is also a web host (dashboard and sweep pages on loopback), as a silo program is.
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using SweepCluster.Cli.Commands;
using SweepCluster.Grains.Hosting;
using SweepCluster.Web.Hosting;

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

    /// <param name="httpPort">0: no web host; else the loopback port of the dashboard and sweep pages.</param>
    public static async Task<EmbeddedCluster> StartAsync(int slots, CancellationToken cancellation, int httpPort = 0)
    {
        var options = new SweepSiloOptions
        {
            Slots = slots,
            SiloPort = FreeLoopbackPort(),
            GatewayPort = 0,
            ClusterId = $"sweep-run-{Environment.ProcessId}",
            HttpPort = httpPort,
        };
        var host = options.HttpEnabled ? BuildWebHost(options) : BuildHost(options);
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception error) when (HttpStartFailure.Describe(error, options) is { } message)
        {
            host.Dispose();
            throw new InvalidFlagException(message);
        }
        return new EmbeddedCluster(host, options.EffectiveSlots);
    }

    private static IHost BuildHost(SweepSiloOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseSweepClusterLocalhost(options));
        return builder.Build();
    }

    private static IHost BuildWebHost(SweepSiloOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        try
        {
            builder.AddSweepClusterWeb(options);
        }
        catch (ArgumentException error)
        {
            throw new InvalidFlagException(error.Message);
        }
        builder.UseOrleans(silo => silo.UseSweepClusterLocalhost(options).AddSweepClusterDashboard());
        var app = builder.Build();
        app.MapSweepClusterWeb();
        return app;
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
