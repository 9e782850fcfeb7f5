// Several machines on one PostgreSQL database: Orleans' ADO.NET clustering keeps the membership table in the store's
// database (the store's schema creates its tables and queries), and grain state and the study tables are the store's
// own. The connection string is the store's, never typed on a command line. Reminders are kept in memory: a silo that
// starts on the store resumes the running sweeps itself (RunningSweepResumption), and trials' reports and clients'
// polls reactivate a coordinator whose silo died.
using Orleans.Configuration;
using Orleans.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;
using SweepCluster.Store.Dialects;

namespace SweepCluster.Hosting;

public static class PostgresHosting
{
    /// <summary>How the membership's connections show in the server's pg_stat_activity.</summary>
    public const string MembershipApplicationName = "sweepcluster-membership";

    /// <summary>A silo of a multi-machine cluster whose membership, grain state and study tables live in <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentException">The options are not PostgreSQL clustering on a PostgreSQL store.</exception>
    public static ISiloBuilder UseSweepClusterPostgres(this ISiloBuilder silo, SweepSiloOptions options, StoreSelection store)
    {
        options.Validate();
        if (options.Clustering != ClusteringKind.Postgres) throw new ArgumentException("UseSweepClusterPostgres needs --clustering postgres");
        if (store.Location is not PostgresStoreLocation location)
            throw new ArgumentException($"--clustering postgres needs --store postgres, got {store.Location}");
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresConnectionStrings.Invariant;
            o.ConnectionString = PostgresConnectionStrings.For(location, MembershipApplicationName);
        });
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(SiloEndpoints.AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        silo.AddSweepClusterStoreGrainStorage().UseInMemoryReminderService();
        return silo.AddSweepCluster(options.EffectiveSlots, options.EffectiveTrialMemory);
    }
}
