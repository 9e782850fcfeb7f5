// Checks made before Orleans starts, so a misconfigured silo or client fails at once with a clear error instead of
// hanging: the membership store must answer (Redis: bounded retries; PostgreSQL: the store's own errors), and the
// cluster id must match the silos that are already there.
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Hosting;

public static class ClusterPreflight
{
    /// <summary>For a Redis silo: see <see cref="CheckSiloAsync(SweepSiloOptions, StoreSelection?, CancellationToken)"/>.</summary>
    public static Task CheckSiloAsync(SweepSiloOptions options, CancellationToken cancellation) => CheckSiloAsync(options, null, cancellation);

    /// <summary>
    /// For a silo of several machines: the membership store answers, and no live silo of another cluster id shares its
    /// grain state — Redis: the same service id; PostgreSQL: the same database (both clusters would activate the same
    /// sweeps from the same grain state and run them twice). Nothing for localhost clustering.
    /// </summary>
    /// <param name="store">The silo's store: with PostgreSQL clustering, the database whose membership table is read.</param>
    /// <exception cref="ClusterStartupException">Redis is unreachable, or another cluster is live; the message says how to join it.</exception>
    /// <exception cref="StoreException">The PostgreSQL store cannot be read (unreachable, refused credentials, ...).</exception>
    public static async Task CheckSiloAsync(SweepSiloOptions options, StoreSelection? store, CancellationToken cancellation)
    {
        switch (options.Clustering)
        {
            case ClusteringKind.Redis:
                var redis = await RedisMembership.ReadAsync(options.Redis!, options.ServiceId, options.RedisConnectAttempts, cancellation);
                RefuseOtherLiveClusters(options.ClusterId, redis.Rows,
                    $"the cluster already running for service '{options.ServiceId}' in Redis at '{RedisText.Redact(options.Redis!)}'",
                    "give it another --service-id (grain state is kept per service id, so two live clusters of one service would run the same sweeps twice)");
                break;
            case ClusteringKind.Postgres when store?.Location is PostgresStoreLocation location:
                var rows = await PostgresMembership.ReadAsync(location, cancellation);
                RefuseOtherLiveClusters(options.ClusterId, rows, $"the cluster already running on {location}",
                    "use another database (grain state is kept per database, so two live clusters on one database would run the same sweeps twice)");
                break;
        }
    }

    /// <summary>For a client that finds its cluster through Redis: Redis answers and has a gateway of the cluster id.</summary>
    /// <exception cref="ClusterStartupException">Redis is unreachable, or no gateway of that cluster id is registered.</exception>
    public static async Task CheckClientAsync(string redis, string clusterId, string serviceId, int attempts, CancellationToken cancellation)
    {
        var snapshot = await RedisMembership.ReadAsync(redis, serviceId, attempts, cancellation);
        RequireGateway(clusterId, snapshot.Rows,
            $"registered in Redis at '{RedisText.Redact(redis)}' for service '{serviceId}' (--service-id)",
            $"`--clustering redis --redis {redis} --cluster-id {clusterId}`");
    }

    /// <summary>For a client that finds its cluster through a PostgreSQL store: it answers and has a gateway of the cluster id.</summary>
    /// <exception cref="ClusterStartupException">No gateway of that cluster id is registered.</exception>
    /// <exception cref="StoreException">The store cannot be read (unreachable, refused credentials, ...).</exception>
    public static async Task CheckClientAsync(PostgresStoreLocation store, string clusterId, CancellationToken cancellation)
    {
        var rows = await PostgresMembership.ReadAsync(store, cancellation);
        RequireGateway(clusterId, rows, $"registered in {store}", $"`--clustering postgres --store postgres --cluster-id {clusterId}`");
    }

    private static void RefuseOtherLiveClusters(string clusterId, IReadOnlyList<MemberRow> rows, string where, string otherwise)
    {
        var others = MembershipRows.Live(rows, DateTimeOffset.UtcNow).Where(r => r.ClusterId != clusterId).GroupBy(r => r.ClusterId).ToArray();
        if (others.Length == 0) return;
        throw new ClusterStartupException(
            $"--cluster-id '{clusterId}' does not match {where}: {Describe(others)}. Start this silo with --cluster-id {others[0].Key} to join it, or {otherwise}.");
    }

    private static void RequireGateway(string clusterId, IReadOnlyList<MemberRow> rows, string registered, string startFlags)
    {
        var active = rows.Where(r => r.Status == MembershipRows.ActiveStatus && r.GatewayPort > 0).ToArray();
        if (active.Any(r => r.ClusterId == clusterId)) return;
        var others = active.GroupBy(r => r.ClusterId).ToArray();
        throw new ClusterStartupException(others.Length == 0
            ? $"no active SweepCluster silo with a gateway is {registered}. Start silos with {startFlags}."
            : $"--cluster-id '{clusterId}' matches no silo {registered}; found: {Describe(others)}. Use --cluster-id {others[0].Key}.");
    }

    private static string Describe(IEnumerable<IGrouping<string, MemberRow>> clusters) =>
        string.Join("; ", clusters.Select(g => $"cluster '{g.Key}' with {g.Count()} active silo(s) ({string.Join(", ", g.Select(r => r.Address))})"));
}
