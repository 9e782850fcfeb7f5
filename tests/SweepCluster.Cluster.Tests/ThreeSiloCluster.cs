// A TestingHost cluster of three silos, each with its own training slots and in-memory storage, shared by the tests
// of one class. Transport is in memory; the silos are real Orleans silos with real placement.
using Orleans.TestingHost;
using SweepCluster.Grains.Hosting;

namespace SweepCluster.Cluster.Tests;

public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const int Silos = 3;
    public const int SlotsPerSilo = 2;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddSweepClusterMemoryStorage().AddSweepCluster(SlotsPerSilo));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
