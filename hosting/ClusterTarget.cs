// Which cluster a client connects to and how it finds the gateways: a local silo, a Redis membership table, or a
// fixed list. The CLI fills it from its connection flags; tests and benchmarks build it directly.
namespace SweepCluster.Hosting;

/// <summary>Where the cluster's gateway is and which cluster to join.</summary>
/// <param name="Redis">Find the gateways in this Redis membership table (<c>--redis host:port</c>); wins over the rest.</param>
/// <param name="Gateways">Connect to these gateways (<c>--gateway host:port,...</c>) when there is no Redis.</param>
public sealed record ClusterTarget(int GatewayPort, string ClusterId, string ServiceId, string? Redis = null, IReadOnlyList<string>? Gateways = null)
{
    /// <summary>What the client connects to, in words, for messages.</summary>
    public string Describe() =>
        Redis is not null ? $"the gateways registered in Redis at {Redis}"
        : Gateways is { Count: > 0 } ? $"gateway(s) {string.Join(", ", Gateways)}"
        : $"localhost:{GatewayPort}";
}
