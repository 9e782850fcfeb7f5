// Checks made before Orleans starts, so a misconfigured silo or client fails at once with a clear error instead of
// hanging: Redis must answer (bounded retries), and the cluster id must match the silos that are already there.
namespace SweepCluster.Hosting;

public static class ClusterPreflight
{
    /// <summary>
    /// For a Redis silo: Redis answers, and no live silo of another cluster id serves the same service id (both
    /// clusters would activate the same sweeps from the same grain state and run them twice). Nothing for localhost.
    /// </summary>
    /// <exception cref="ClusterStartupException">Redis is unreachable or another cluster of the service is live.</exception>
    public static async Task CheckSiloAsync(SweepSiloOptions options, CancellationToken cancellation)
    {
        if (options.Clustering != ClusteringKind.Redis) return;
        var snapshot = await RedisMembership.ReadAsync(options.Redis!, options.ServiceId, options.RedisConnectAttempts, cancellation);
        var others = snapshot.Live(DateTimeOffset.UtcNow).Where(r => r.ClusterId != options.ClusterId).GroupBy(r => r.ClusterId).ToArray();
        if (others.Length == 0) return;
        throw new ClusterStartupException(
            $"--cluster-id '{options.ClusterId}' does not match the cluster already running for service '{options.ServiceId}' in Redis at " +
            $"'{options.Redis}': {Describe(others)}. Start this silo with --cluster-id {others[0].Key} to join it, or give it another " +
            "--service-id (grain state is kept per service id, so two live clusters of one service would run the same sweeps twice).");
    }

    /// <summary>For a client that finds its cluster through Redis: Redis answers and has a gateway of the cluster id.</summary>
    /// <exception cref="ClusterStartupException">Redis is unreachable, or no gateway of that cluster id is registered.</exception>
    public static async Task CheckClientAsync(string redis, string clusterId, string serviceId, int attempts, CancellationToken cancellation)
    {
        var snapshot = await RedisMembership.ReadAsync(redis, serviceId, attempts, cancellation);
        var active = snapshot.Rows.Where(r => r.Status == RedisMembership.ActiveStatus && r.GatewayPort > 0).ToArray();
        if (active.Any(r => r.ClusterId == clusterId)) return;
        var others = active.GroupBy(r => r.ClusterId).ToArray();
        throw new ClusterStartupException(others.Length == 0
            ? $"no active SweepCluster silo with a gateway is registered in Redis at '{redis}' for service '{serviceId}' (--service-id). " +
              $"Start silos with `--clustering redis --redis {redis} --cluster-id {clusterId}`."
            : $"--cluster-id '{clusterId}' matches no silo registered in Redis at '{redis}' for service '{serviceId}'; found: {Describe(others)}. " +
              $"Use --cluster-id {others[0].Key}.");
    }

    private static string Describe(IEnumerable<IGrouping<string, MemberRow>> clusters) =>
        string.Join("; ", clusters.Select(g => $"cluster '{g.Key}' with {g.Count()} active silo(s) ({string.Join(", ", g.Select(r => r.Address))})"));
}
