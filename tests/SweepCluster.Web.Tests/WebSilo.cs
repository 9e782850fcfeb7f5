// A real silo web host in this process, built by SweepSiloHost as every silo is, but on free loopback
// ports, with storage shared between the process' silos like an external store, and localhost clustering joined to a
// primary silo.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Grains.Coordination;
using SweepCluster.Hosting;

namespace SweepCluster.Web.Tests;

/// <summary>One started silo with its web host; dispose it to stop both.</summary>
public sealed class WebSilo : IAsyncDisposable
{
    private WebSilo(IHost app, SweepSiloOptions options)
    {
        App = app;
        Options = options;
    }

    public IHost App { get; }
    public SweepSiloOptions Options { get; }
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The web host's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => new($"http://{Options.HttpBind}:{Options.HttpPort}/");

    /// <summary>Options of a test silo: every port free on loopback, one training slot.</summary>
    public static SweepSiloOptions TestOptions(string clusterId, bool gateway = false) => new()
    {
        Slots = 1,
        SiloPort = FreePorts.Next(),
        GatewayPort = gateway ? FreePorts.Next() : 0,
        HttpPort = FreePorts.Next(),
        ClusterId = clusterId,
    };

    /// <param name="primary">The first silo's endpoint; null for the first silo itself.</param>
    /// <param name="environment">The environment the web host reads its password from.</param>
    public static async Task<WebSilo> StartAsync(SweepSiloOptions options, ProcessGrainStore store, IPEndPoint? primary = null,
        Func<string, string?>? environment = null)
    {
        var app = SweepSiloHost.Build(options, new SweepHostSettings
        {
            Store = store,
            PrimarySilo = primary,
            Environment = environment ?? (_ => null),
            ConfigureSilo = silo => silo.Services.Configure<SweepCoordinatorOptions>(o => o.TickPeriod = TimeSpan.FromMilliseconds(200)),
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return new WebSilo(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync();
        }
        finally
        {
            App.Dispose();
        }
    }
}
