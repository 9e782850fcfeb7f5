// Mutual TLS on a real two-silo cluster (TlsClusterFixture): the silos form one cluster over TLS and a client with a
// certificate of the cluster's CA runs a sweep on both; a client without a certificate, and one whose certificate
// another CA issued, are refused in the handshake with one clear line, after a few attempts rather than at the
// connect deadline; so is a client with a certificate that meets a silo without TLS.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using Microsoft.Extensions.Hosting;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Security;
using SweepCluster.Testing.Postgres;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Tls;

public sealed class ClusterTlsTests(TlsClusterFixture cluster, ITestOutputHelper output) : IClassFixture<TlsClusterFixture>
{
    private const string IrisGrid = """
        name: iris-tls
        dataset: iris
        validation: 0.2
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.05, 0.1, 0.2]
        batch_size: [8, 32]
        seeds: [1, 2]
        epochs: 5
        """;

    private const int Trials = 12;

    [Fact]
    public async Task TwoSilosOnTlsFormOneClusterAndAClientWithTheClusterCertificateRunsASweepOnBoth()
    {
        await using var client = await ClusterConnection.ConnectAsync(cluster.Target with { Tls = cluster.Cluster.Load(TlsClusterFixture.Client) },
            CancellationToken.None);

        var coordinator = await SweepDriver.SubmitAsync(client.Grains, "iris-tls", IrisGrid);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(Trials, progress.Count(TrialStatus.Completed));
        var snapshots = await Task.WhenAll(Enumerable.Range(0, Trials).Select(i =>
            TransientFailures.RetryAsync(() => client.Grains.GetGrain<ITrialGrain>($"iris-tls/{i}").GetSnapshotAsync(), SweepDriver.DefaultTimeout)));
        var silos = cluster.Options.Select(o => $"127.0.0.1:{o.SiloPort}").Order().ToArray();
        Assert.Equal(silos, snapshots.Select(s => s.Silo).Distinct().Order()); // trained on both silos: they talk over TLS
    }

    [Fact]
    public async Task AClientWithoutACertificateIsRefusedWithAClearErrorNotAHang()
    {
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None));

        output.WriteLine(error.Message);
        Assert.Contains("requires cluster TLS and this client has no certificate", error.Message);
        Assert.Contains("--tls-cert", error.Message);
        Assert.DoesNotContain("within", error.Message); // given up on after the refusals, not at the connect deadline
    }

    [Fact]
    public async Task AClientWithACertificateFromAnotherCaIsRefusedWithAClearErrorNotAHang()
    {
        var stranger = cluster.OtherCa.Load(TlsClusterFixture.Stranger);

        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            ClusterConnection.ConnectAsync(cluster.Target with { Tls = stranger }, CancellationToken.None));

        output.WriteLine(error.Message);
        Assert.Contains("presented a certificate this client does not trust", error.Message);
        Assert.Contains("was not issued by the cluster's CA", error.Message);
        Assert.Contains("--tls-ca", error.Message);
        Assert.DoesNotContain("within", error.Message);
    }

    [Fact]
    public async Task TheSiloToSiloPortTakesOnlyCertificatesOfTheCluster()
    {
        var siloPort = cluster.Options[0].SiloPort;

        var plain = await GatewayTlsProbe.ExplainAsync("127.0.0.1", siloPort, tls: null, CancellationToken.None);
        var stranger = await GatewayTlsProbe.ExplainAsync("127.0.0.1", siloPort, cluster.OtherCa.Load(TlsClusterFixture.Stranger), CancellationToken.None);
        var member = await GatewayTlsProbe.ExplainAsync("127.0.0.1", siloPort, cluster.Cluster.Load(TlsClusterFixture.Silos[1]), CancellationToken.None);

        Assert.Contains("requires cluster TLS and this client has no certificate", plain);
        Assert.Contains("CN=silo1 was not issued by the cluster's CA", stranger);
        Assert.Null(member); // the handshake succeeded and the silo kept the connection open
    }

    [Fact]
    public async Task AClientWithACertificateMeetingASiloWithoutTlsIsToldSo()
    {
        var options = new SweepSiloOptions
        {
            SiloPort = ThrowawayPostgres.FreePort(), GatewayPort = ThrowawayPostgres.FreePort(), HttpPort = 0, Slots = 1, Store = "memory",
            ClusterId = "plain",
        };
        using var plain = SweepSiloHost.Build(options, new SweepHostSettings { Environment = _ => null });
        await plain.StartAsync();
        try
        {
            var target = new ClusterTarget(options.GatewayPort, "plain", options.ServiceId) { Tls = cluster.Cluster.Load(TlsClusterFixture.Client) };

            var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => ClusterConnection.ConnectAsync(target, CancellationToken.None));

            output.WriteLine(error.Message);
            Assert.Contains($"gateway 127.0.0.1:{options.GatewayPort} does not speak TLS", error.Message);
        }
        finally
        {
            await plain.StopAsync();
        }
    }
}
