// Picks the dialect for a store location.
namespace SweepCluster.Store.Dialects;

/// <summary>Creates the dialect of a <see cref="StoreLocation"/>.</summary>
public static class StoreDialects
{
    /// <summary>The dialect for <paramref name="location"/>; dispose it to close its pooled connections.</summary>
    /// <param name="location">Where the store lives.</param>
    /// <param name="access">ReadOnly: a SQLite file is opened read-only and its folder is never created; PostgreSQL
    /// sessions are read-only. The engine refuses every write.</param>
    public static IStoreDialect Create(StoreLocation location, StoreAccess access = StoreAccess.ReadWrite) => location switch
    {
        SqliteStoreLocation sqlite => new SqliteDialect(sqlite, access),
        SqliteMemoryStoreLocation memory => new SqliteDialect(memory),
        PostgresStoreLocation postgres => new PostgresDialect(postgres, access),
        _ => throw new ArgumentOutOfRangeException(nameof(location), location.GetType().Name, "unknown store location"),
    };
}
