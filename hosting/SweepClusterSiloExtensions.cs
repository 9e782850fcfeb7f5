// Everything a silo needs to host SweepCluster's grains, in one call, used by SweepSiloHost (the silo program, the
// CLI's embedded silo, the web tests) and by the TestingHost clusters alike.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using SweepCluster.Engine.Memory;
using SweepCluster.Grains;
using SweepCluster.Grains.Coordination;
using SweepCluster.Grains.Datasets;
using SweepCluster.Grains.Recording;
using SweepCluster.Grains.Trials;
using SweepCluster.Grains.Trials.External;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Hosting;

public static class SweepClusterSiloExtensions
{
    /// <summary>Registers the training slots, the memory budget of one trial and their directory entry; storage is
    /// configured by the caller.</summary>
    /// <param name="trialMemory">The most one trial may take; null: the machine's share for <paramref name="slots"/>.</param>
    public static ISiloBuilder AddSweepCluster(this ISiloBuilder silo, int slots, TrialMemoryBudget? trialMemory = null)
    {
        silo.Services.AddSingleton(new TrainingSlots(slots));
        silo.Services.AddSingleton(trialMemory ?? TrialMemoryBudget.ForMachine(slots));
        // The engine, or the user's own program for a trial that names a trainer.
        // Each silo its own trainer folders, so two silos on one machine never share a trial's checkpoint folder.
        silo.Services.TryAddSingleton<ITrialExecutor>(services => new TrialExecutor(
            services.GetRequiredService<TrialMemoryBudget>(),
            ExternalTrialExecutor.WorkRootOf(services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString())));
        // The data files of sweeps, fetched from grain storage by hash and kept within a byte budget.
        silo.Services.AddSingleton(services => new SiloDatasets(services.GetRequiredService<IGrainFactory>()));
        silo.Services.TryAddSingleton<IStudyRecorder, NullStudyRecorder>();
        silo.Services.TryAddSingleton<IStudyCatalog, NullStudyCatalog>();
        silo.Services.AddOptions<SweepCoordinatorOptions>();
        // Orleans' binary serializer for grain state: ~16× faster and ~9× smaller than the default JSON one on a
        // coordinator's state (measured in bench/, `overhead --costs`).
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.Services.AddSingleton<SlotRegistration>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SlotRegistration>());
        return silo;
    }

    /// <summary>A single-machine silo: localhost clustering, grain storage, the grains and their slots.</summary>
    /// <param name="store">Storage shared with the other silos of this process; null: this silo's own.</param>
    /// <param name="primarySilo">The first silo's endpoint, for every other silo of this machine; null for the first.</param>
    /// <param name="storeKind">Memory: grain state in this process (<paramref name="store"/>); else in the store's grain-state table.</param>
    public static ISiloBuilder UseSweepClusterLocalhost(this ISiloBuilder silo, SweepSiloOptions options, ProcessGrainStore? store = null,
        IPEndPoint? primarySilo = null, StoreKind storeKind = StoreKind.Memory)
    {
        options.Validate();
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, primarySilo, options.ServiceId, options.ClusterId);
        if (storeKind == StoreKind.Memory) silo.AddSweepClusterProcessStorage(store);
        else silo.AddSweepClusterStoreGrainStorage();
        silo.UseInMemoryReminderService();
        return silo.AddSweepCluster(options.EffectiveSlots, options.EffectiveTrialMemory);
    }

    /// <summary>
    /// Process-memory storage for every SweepCluster grain (the embedded default); silos given the same
    /// <paramref name="store"/> share it, as in-process test clusters do.
    /// </summary>
    public static ISiloBuilder AddSweepClusterProcessStorage(this ISiloBuilder silo, ProcessGrainStore? store = null)
    {
        var shared = store ?? new ProcessGrainStore();
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sweeps,
            (services, _) => ActivatorUtilities.CreateInstance<ProcessGrainStorage>(services, shared));
        return silo;
    }
}
