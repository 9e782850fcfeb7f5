// Picks how a silo finds the others from its options: localhost clustering (one machine), PostgreSQL (several
// machines, the documented path) or Redis (several machines, the alternative).
using System.Net;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Hosting;

public static class ClusterHosting
{
    /// <summary>The silo as <paramref name="options"/> asks.</summary>
    /// <param name="store">The silo's store: where grain state lives (its grain-state table, or with
    /// <see cref="StoreKind.Memory"/> this process's memory or Redis) and, for PostgreSQL clustering, the membership.</param>
    /// <param name="processStore">Localhost clustering: storage shared with the other silos of this process.</param>
    /// <param name="primarySilo">Localhost clustering: the first silo's endpoint, for the others.</param>
    public static ISiloBuilder UseSweepCluster(this ISiloBuilder silo, SweepSiloOptions options, StoreSelection store,
        ProcessGrainStore? processStore = null, IPEndPoint? primarySilo = null) => options.Clustering switch
    {
        ClusteringKind.Localhost => silo.UseSweepClusterLocalhost(options, processStore, primarySilo, store.Kind),
        ClusteringKind.Postgres => silo.UseSweepClusterPostgres(options, store),
        ClusteringKind.Redis => silo.UseSweepClusterRedis(options, store.Kind),
        _ => throw new ArgumentException($"--clustering must be one of {string.Join(", ", ClusteringKindNames.All)}, got {options.Clustering}"),
    };
}
