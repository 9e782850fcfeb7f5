// How the silos of a cluster find each other (the `--clustering` flag).
namespace SweepCluster.Hosting;

/// <summary>The membership provider of a cluster.</summary>
public enum ClusteringKind
{
    /// <summary>One machine: localhost clustering, grain state in the process's memory, no external service.</summary>
    Localhost,

    /// <summary>Several machines, the alternative: membership, grain state and reminders in Redis.</summary>
    Redis,

    /// <summary>Several machines, the documented path: membership (Orleans' ADO.NET clustering), grain state and the
    /// study tables in one PostgreSQL database, the store's (<c>--store postgres</c>).</summary>
    Postgres,
}

/// <summary>The flag values of <see cref="ClusteringKind"/>, as users type them.</summary>
public static class ClusteringKindNames
{
    public static IReadOnlyList<string> All { get; } = Enum.GetNames<ClusteringKind>().Select(n => n.ToLowerInvariant()).ToArray();
}
