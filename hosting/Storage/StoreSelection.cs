// Turns the `--store` settings into a store location: `--store PATH` (a SQLite file; the default), `--store memory`,
// or `--store postgres` with an Npgsql connection string read from SWEEPCLUSTER_STORE_CONNECTION or from the file
// named by `--store-connection-file`, never from the command line. No message ever carries the password.
using Npgsql;
using SweepCluster.Store;

namespace SweepCluster.Hosting.Storage;

/// <summary>The store a silo was asked to use.</summary>
/// <param name="Kind">SQLite file, memory or PostgreSQL.</param>
/// <param name="Location">Where it lives (an in-memory SQLite database for <see cref="StoreKind.Memory"/>).</param>
public sealed record StoreSelection(StoreKind Kind, StoreLocation Location)
{
    /// <summary>The <c>--store</c> value for <see cref="StoreKind.Memory"/>.</summary>
    public const string MemoryValue = "memory";

    /// <summary>The <c>--store</c> value for <see cref="StoreKind.Postgres"/>.</summary>
    public const string PostgresValue = "postgres";

    /// <summary>The environment variable that holds the PostgreSQL connection string.</summary>
    public const string ConnectionVariable = "SWEEPCLUSTER_STORE_CONNECTION";

    /// <summary>The store of <paramref name="options"/>.</summary>
    /// <param name="options">The silo's options (<see cref="SweepSiloOptions.Store"/>, <see cref="SweepSiloOptions.StoreConnectionFile"/>).</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="memoryName">The in-memory database's name, for <c>--store memory</c>.</param>
    /// <exception cref="ArgumentException">A value that cannot be used; the message names the flag, never a password.</exception>
    public static StoreSelection From(SweepSiloOptions options, Func<string, string?> environment, string memoryName)
    {
        var store = options.EffectiveStore;
        if (string.Equals(store, MemoryValue, StringComparison.OrdinalIgnoreCase))
            return new StoreSelection(StoreKind.Memory, new SqliteMemoryStoreLocation(memoryName));
        if (string.Equals(store, PostgresValue, StringComparison.OrdinalIgnoreCase))
            return new StoreSelection(StoreKind.Postgres, PostgresLocation(options.StoreConnectionFile, environment, "--store postgres"));
        if (!string.IsNullOrWhiteSpace(options.StoreConnectionFile))
            throw new ArgumentException("--store-connection-file is for --store postgres");
        if (options.Clustering == ClusteringKind.Redis)
            throw new ArgumentException($"--store {store}: a SQLite file serves the silos of one machine; a Redis cluster keeps grain state in Redis " +
                                        "(--store memory, the default with --clustering redis) or in PostgreSQL (--store postgres)");
        if (store.IndexOfAny(Path.GetInvalidPathChars()) >= 0) throw new ArgumentException($"--store '{store}' is not a file path");
        return new StoreSelection(StoreKind.Sqlite, new SqliteStoreLocation(store));
    }

    /// <summary>The PostgreSQL database named by the connection string in <paramref name="connectionFile"/>, else in
    /// the environment variable <see cref="ConnectionVariable"/>.</summary>
    /// <param name="flag">The flag that asked for it (<c>--store postgres</c>, the CLI's <c>--postgres</c>), for messages.</param>
    /// <exception cref="ArgumentException">No connection string, an unreadable file or a malformed string; the message
    /// names the flag and never the password.</exception>
    public static PostgresStoreLocation PostgresLocation(string? connectionFile, Func<string, string?> environment, string flag) =>
        Postgres(ReadConnection(connectionFile, environment, flag), flag);

    private static string ReadConnection(string? file, Func<string, string?> environment, string flag)
    {
        if (!string.IsNullOrWhiteSpace(file))
        {
            try
            {
                return File.ReadAllText(file).Trim();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"--store-connection-file '{file}' cannot be read: {error.Message}", error);
            }
        }
        return environment(ConnectionVariable) is { Length: > 0 } text
            ? text.Trim()
            : throw new ArgumentException($"{flag} needs an Npgsql connection string (Host=...;Database=...;Username=...;Password=...) " +
                                          $"in the environment variable {ConnectionVariable} or in a file named by --store-connection-file");
    }

    // The builder's own messages may quote the text, password included: they are not passed on.
    private static PostgresStoreLocation Postgres(string connection, string flag)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connection);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException)
        {
            throw new ArgumentException($"the PostgreSQL connection string of {flag} is not an Npgsql connection string " +
                                        "(Host=...;Port=...;Database=...;Username=...;Password=...)");
        }
        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database) || string.IsNullOrWhiteSpace(builder.Username))
            throw new ArgumentException($"the PostgreSQL connection string of {flag} needs Host, Database and Username");
        var location = new PostgresStoreLocation(builder.Host, builder.Port, builder.Database, builder.Username) { Password = builder.Password };
        return builder.Timeout > 0 ? location with { ConnectTimeout = TimeSpan.FromSeconds(builder.Timeout) } : location;
    }
}
