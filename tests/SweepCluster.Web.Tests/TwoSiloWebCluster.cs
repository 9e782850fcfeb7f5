// Two silos in this process, each with its own web host (dashboard and sweep pages) on its own free port; the first
// also has a gateway so the real `sweep` CLI can reach the cluster.
using System.Net;
using SweepCluster.Hosting;

namespace SweepCluster.Web.Tests;

/// <summary>A two-silo cluster shared by the tests of a class.</summary>
public sealed class TwoSiloWebCluster : IAsyncLifetime
{
    public const int Silos = 2;

    private readonly List<WebSilo> _silos = [];

    public IReadOnlyList<WebSilo> All => _silos;
    public WebSilo First => _silos[0];
    public IGrainFactory Grains => First.Grains;

    public async Task InitializeAsync()
    {
        var store = new ProcessGrainStore();
        var clusterId = $"web-tests-{Environment.ProcessId}";
        var first = await WebSilo.StartAsync(WebSilo.TestOptions(clusterId, gateway: true), store);
        _silos.Add(first);
        var primary = new IPEndPoint(IPAddress.Loopback, first.Options.SiloPort);
        for (var i = 1; i < Silos; i++) _silos.Add(await WebSilo.StartAsync(WebSilo.TestOptions(clusterId), store, primary));
    }

    /// <summary>The flags that point the CLI at this cluster.</summary>
    public string[] CliClusterFlags =>
        ["--gateway-port", First.Options.GatewayPort.ToString(), "--cluster-id", First.Options.ClusterId, "--service-id", First.Options.ServiceId];

    public async Task DisposeAsync()
    {
        for (var i = _silos.Count - 1; i >= 0; i--) await _silos[i].DisposeAsync();
    }
}
