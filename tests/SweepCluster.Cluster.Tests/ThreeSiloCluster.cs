// TestingHost clusters for the cluster tests: silos with training slots, storage shared through the process (like an
// external store), in-memory reminders, and short coordinator periods so failures are found quickly.
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using SweepCluster.Grains;
using SweepCluster.Grains.Coordination;
using SweepCluster.Hosting;

namespace SweepCluster.Cluster.Tests;

/// <summary>A test cluster of several silos; dispose it to stop them.</summary>
public sealed class TestClusterHandle : IAsyncDisposable
{
    public const int DefaultSlotsPerSilo = 2;

    private TestClusterHandle(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }
    public IGrainFactory Grains => Cluster.Client;

    /// <param name="configure">Extra silo services (e.g. a fault-injecting executor), added before the defaults.</param>
    public static async Task<TestClusterHandle> StartAsync(int silos, int slotsPerSilo = DefaultSlotsPerSilo, Action<IServiceCollection>? configure = null)
    {
        var store = new ProcessGrainStore();
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            configure?.Invoke(silo.Services);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sweeps, (services, _) =>
                new FenceableGrainStorage(ActivatorUtilities.CreateInstance<ProcessGrainStorage>(services, store)));
            silo.UseInMemoryReminderService();
            silo.AddSweepCluster(slotsPerSilo);
            silo.Services.Configure<SweepCoordinatorOptions>(o =>
            {
                o.TickPeriod = TimeSpan.FromMilliseconds(200);
                o.ReconcilePeriod = TimeSpan.FromSeconds(1);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestClusterHandle(cluster);
    }

    /// <summary>Kills a silo the way a crash does: its storage is fenced first, so nothing it left running can write.</summary>
    public async Task KillAsync(InProcessSiloHandle silo)
    {
        ((FenceableGrainStorage)silo.SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Sweeps)).Fence();
        await Cluster.KillSiloAsync(silo);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>One three-silo cluster shared by the tests of a class.</summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    public const int Silos = 3;
    public const int SlotsPerSilo = TestClusterHandle.DefaultSlotsPerSilo;

    private TestClusterHandle? _handle;

    public InProcessTestCluster Cluster => _handle!.Cluster;
    public IGrainFactory Grains => _handle!.Grains;

    public async Task InitializeAsync() => _handle = await TestClusterHandle.StartAsync(Silos, SlotsPerSilo);

    public async Task DisposeAsync()
    {
        if (_handle is not null) await _handle.DisposeAsync();
    }
}
