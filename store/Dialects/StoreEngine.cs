// Which database engine a dialect speaks, for the few schema steps that exist in one engine only.
namespace SweepCluster.Store.Dialects;

/// <summary>The engine behind an <see cref="IStoreDialect"/>.</summary>
public enum StoreEngine
{
    /// <summary>SQLite: one file or an in-memory database of one process.</summary>
    Sqlite,

    /// <summary>PostgreSQL: one database that every silo of a cluster shares.</summary>
    Postgres,
}
