// Which cluster a client connects to and how it finds the gateways: a local silo, the membership table of a
// PostgreSQL store or of Redis, or a fixed list. The CLI fills it from its connection flags; tests and benchmarks
// build it directly.
using SweepCluster.Hosting.Security;
using SweepCluster.Store;

namespace SweepCluster.Hosting;

/// <summary>Where the cluster's gateway is and which cluster to join.</summary>
/// <param name="Redis">Find the gateways in this Redis membership table (<c>--redis host:port</c>); wins over a list.</param>
/// <param name="Gateways">Connect to these gateways (<c>--gateway host:port,...</c>) when there is no membership table.</param>
public sealed record ClusterTarget(int GatewayPort, string ClusterId, string ServiceId, string? Redis = null, IReadOnlyList<string>? Gateways = null)
{
    /// <summary>Find the gateways in this PostgreSQL store's membership table (<c>--postgres</c>); wins over the rest.</summary>
    public PostgresStoreLocation? Postgres { get; init; }

    /// <summary>This client's cluster certificates: its connections to gateways are mutual TLS; null: plain TCP.</summary>
    public ClusterCertificates? Tls { get; init; }

    /// <summary>What the client connects to, in words, for messages (never a password).</summary>
    public string Describe() =>
        Postgres is not null ? $"the gateways registered in {Postgres}"
        : Redis is not null ? $"the gateways registered in Redis at {RedisText.Redact(Redis)}"
        : Gateways is { Count: > 0 } ? $"gateway(s) {string.Join(", ", Gateways)}"
        : $"localhost:{GatewayPort}";

    /// <summary>Whether the gateways come from a membership table or a list (not a local silo).</summary>
    public bool IsRemote => Postgres is not null || Redis is not null || Gateways is { Count: > 0 };
}
