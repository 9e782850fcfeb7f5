// Registers a silo's store: the SiloStore itself (opened before Orleans starts), its study recorder, the resumption of
// running sweeps and, unless the grain state lives elsewhere (memory, Redis), the grain storage the grains use and the
// web pages' reports read from it.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;
using SweepCluster.Grains;
using SweepCluster.Grains.Recording;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Hosting.Storage;

public static class SweepClusterStoreExtensions
{
    /// <summary>The store services of the host: call before UseOrleans, so the store opens before the silo starts.</summary>
    /// <param name="resumeRunningSweeps">Whether running sweeps found in the store go on when the silo starts.</param>
    public static IServiceCollection AddSweepClusterStore(this IServiceCollection services, StoreSelection selection, bool resumeRunningSweeps = true)
    {
        services.AddSingleton(selection);
        services.AddSingleton<SiloStore>();
        services.AddHostedService<SiloStoreService>();
        services.Replace(ServiceDescriptor.Singleton<IStudyRecorder, StoreStudyRecorder>());
        services.Replace(ServiceDescriptor.Singleton<IStudyCatalog, StoreStudyCatalog>());
        if (!resumeRunningSweeps) return services;
        services.AddSingleton<RunningSweepResumption>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<RunningSweepResumption>());
        return services;
    }

    /// <summary>The grain storage of every SweepCluster grain in the store's grain-state table, and the web pages'
    /// reports read from it (the coordinators' state is there).</summary>
    public static ISiloBuilder AddSweepClusterStoreGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Sweeps,
            (services, _) => ActivatorUtilities.CreateInstance<StoreGrainStorage>(services));
        silo.Services.AddSingleton<IStoredSweepReports, StoreSweepReports>();
        return silo;
    }
}
