// Where a store lives: one SQLite file (the embedded default) or one PostgreSQL database (clusters of several
// machines). Plain settings records; StoreDialects turns them into a dialect. A PostgreSQL location never prints its
// password (ToString names user@host:port/database only).
namespace SweepCluster.Store;

/// <summary>Where a store lives.</summary>
public abstract record StoreLocation
{
    /// <summary>The embedded default's file, relative to the working directory.</summary>
    public static readonly string DefaultSqlitePath = Path.Combine("sweeps", "sweepcluster.db");

    /// <summary>The embedded default: <c>./sweeps/sweepcluster.db</c>.</summary>
    public static SqliteStoreLocation DefaultSqlite => new(DefaultSqlitePath);

    private protected StoreLocation()
    {
    }
}

/// <summary>A SQLite file; its folder is created when missing.</summary>
/// <param name="Path">The file (relative paths resolve against the working directory).</param>
public sealed record SqliteStoreLocation(string Path) : StoreLocation
{
    /// <summary>The default wait for another connection's write lock.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a statement waits for another connection's lock before failing with
    /// <see cref="StoreErrorKind.Locked"/>; rounded up to whole seconds (at least 1).</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    public override string ToString() => $"SQLite store {System.IO.Path.GetFullPath(Path)}";
}

/// <summary>A SQLite database in this process's memory (shared cache), gone when the store is disposed: the study
/// tables of a silo that keeps nothing on disk (<c>--store memory</c>). Every store opened with the same
/// <paramref name="Name"/> in one process sees the same tables while one of them is open.</summary>
/// <param name="Name">The in-memory database's name, unique per silo host (letters, digits, '-' and '_').</param>
public sealed record SqliteMemoryStoreLocation(string Name) : StoreLocation
{
    public override string ToString() => $"in-memory SQLite store '{Name}'";
}

/// <summary>A PostgreSQL database.</summary>
/// <param name="Host">Server host name or address.</param>
/// <param name="Port">Server port.</param>
/// <param name="Database">The database (it must exist; the store creates its tables in it).</param>
/// <param name="User">The user to log in as.</param>
public sealed record PostgresStoreLocation(string Host, int Port, string Database, string User) : StoreLocation
{
    /// <summary>PostgreSQL's usual port.</summary>
    public const int DefaultPort = 5432;

    /// <summary>The default wait for the server to accept a connection.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The password, if the server asks for one. Never printed.</summary>
    public string? Password { get; init; }

    /// <summary>How long opening a connection may take before <see cref="StoreErrorKind.Unreachable"/>; whole seconds, at least 1.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>user@host:port/database, the way messages name this store.</summary>
    public string Name => $"{User}@{Host}:{Port}/{Database}";

    public override string ToString() => $"PostgreSQL store {Name}";
}
