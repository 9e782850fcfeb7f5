// The loopback check a localhost silo makes before Orleans starts: a port with a listener is served, a free one is not,
// only localhost clustering is checked, and the refusal names the served ports and the flags that help.
using System.Net;
using System.Net.Sockets;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests.Silo;

public sealed class LocalPortsInUseTests
{
    [Fact]
    public async Task A_port_with_a_listener_is_served_and_the_same_port_once_freed_is_not()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.True(await LocalPortsInUse.IsServedAsync(port, LocalPortsInUse.ConnectTimeout, CancellationToken.None));
        listener.Stop();
        Assert.False(await LocalPortsInUse.IsServedAsync(port, LocalPortsInUse.ConnectTimeout, CancellationToken.None));
    }

    [Fact]
    public async Task A_served_gateway_port_refuses_a_localhost_silo_but_not_one_of_postgres_clustering()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var gateway = ((IPEndPoint)listener.LocalEndpoint).Port;
        var options = new SweepSiloOptions { SiloPort = FreePort(), GatewayPort = gateway };

        var refusal = await LocalPortsInUse.RefusalAsync(options, CancellationToken.None);
        Assert.NotNull(refusal);
        Assert.StartsWith($"gateway port {gateway} is already served on this machine", refusal);

        options.Clustering = ClusteringKind.Postgres;
        Assert.Null(await LocalPortsInUse.RefusalAsync(options, CancellationToken.None));
    }

    [Fact]
    public async Task Free_ports_refuse_nothing_and_gateway_port_0_is_not_checked()
    {
        var options = new SweepSiloOptions { SiloPort = FreePort(), GatewayPort = 0 };

        Assert.Null(await LocalPortsInUse.RefusalAsync(options, CancellationToken.None));
    }

    [Fact]
    public void The_refusal_without_the_gateway_port_asks_for_the_other_silos_gateway_port_and_names_real_flags()
    {
        var message = LocalPortsInUse.Describe(new SweepSiloOptions { SiloPort = 11111, GatewayPort = 30000 }, siloPortServed: true, gatewayPortServed: false);

        Assert.StartsWith("silo port 11111 is already served on this machine", message);
        Assert.Contains("`sweep submit SPEC --gateway-port P` (P: that silo's gateway port)", message);
        foreach (var flag in new[] { "--clustering", "--silo-port", "--gateway-port", "--http-port" })
            Assert.True(SweepSiloOptions.SwitchMappings.ContainsKey(flag), flag);
        Assert.DoesNotContain('\n', message);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
