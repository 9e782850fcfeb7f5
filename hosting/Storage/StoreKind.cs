// Where a silo keeps its grain state and study tables (the `--store` flag).
namespace SweepCluster.Hosting.Storage;

/// <summary>The kind of store a silo uses.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file (the default, <c>./sweeps/sweepcluster.db</c>): grain state and study tables survive a restart.</summary>
    Sqlite,

    /// <summary>Nothing on disk: grain state in the process's memory, study tables in an in-memory SQLite database.</summary>
    Memory,

    /// <summary>One PostgreSQL database for the grain state and study tables of a cluster of several machines.</summary>
    Postgres,
}
