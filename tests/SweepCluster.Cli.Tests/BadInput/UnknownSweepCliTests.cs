// Issue 4, the CLI against a real cluster: a silo with a gateway runs in this test process, and `sweep status`,
// `report`, `cancel` run as separate processes against it. An unknown or malformed id exits 2 naming the id, nothing
// is stored for it, and the cluster keeps answering for a real sweep.
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Cli.Tests.BadInput;

/// <summary>A one-silo cluster with a gateway on a free port, so CLI processes can connect to it.</summary>
public sealed class GatewaySilo : IAsyncLifetime
{
    private IHost _host = null!;

    public SweepSiloOptions Options { get; } = new()
    {
        Slots = 1,
        SiloPort = FreePort(),
        GatewayPort = FreePort(),
        ClusterId = $"badinput-{Environment.ProcessId}",
        ServiceId = "badinput",
        HttpPort = 0,
        Store = StoreSelection.MemoryValue,
    };

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The connection flags of every cluster command.</summary>
    public string[] Flags => ["--gateway-port", Options.GatewayPort.ToString(), "--cluster-id", Options.ClusterId, "--service-id", Options.ServiceId];

    public async Task InitializeAsync()
    {
        _host = SweepSiloHost.Build(Options);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class UnknownSweepCliTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private const int InvalidInput = (int)ExitCode.InvalidInput;

    public static TheoryData<string, string> UnknownIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "status", "report", "cancel" })
        {
            data.Add(command, "no-such-sweep");
            data.Add(command, "../x");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task AnUnknownOrMalformedIdExitsWithTwoNamingTheId(string command, string id)
    {
        var (exit, text) = CliRunner.Process([command, id, .. silo.Flags]);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains($"'{id}'", text);
        Assert.Contains(id == "../x" ? "letters, digits" : "sweep list", text);
        if (id != "../x") Assert.Null(await silo.Grains.GetGrain<ISweepCoordinatorGrain>(id).GetProgressAsync());
        var listed = await silo.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        Assert.DoesNotContain(listed, s => s.SweepId == id);
    }

    [Fact]
    public async Task AfterUnknownIdsTheClusterStillAnswersForARealSweep()
    {
        foreach (var command in new[] { "status", "report", "cancel" })
            Assert.Equal(InvalidInput, CliRunner.Process([command, "still-unknown", .. silo.Flags]).ExitCode);
        var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>("real-sweep");
        var submitted = await coordinator.SubmitAsync(new SweepSubmission("""
            name: real
            dataset: iris
            model: { hidden: [4] }
            learning_rate: [0.05]
            batch_size: 16
            seeds: [1]
            epochs: 2
            """, "real.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Created, submitted.Outcome);
        var (watchExit, watchText) = CliRunner.Process(["watch", "real-sweep", .. silo.Flags]);
        Assert.True(watchExit == 0, $"exit {watchExit}:\n{watchText}");
        var (exit, text) = CliRunner.Process(["status", "real-sweep", .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("real-sweep", text);
        Assert.Equal(SweepStatus.Completed, (await coordinator.GetProgressAsync())!.Status);
    }
}
