// The one place a PostgreSQL location becomes an Npgsql connection string: the store's own pool and Orleans' ADO.NET
// clustering (which takes a connection string) connect with the same settings. The text holds the password: it is
// handed to a driver, never printed or logged.
using Npgsql;

namespace SweepCluster.Store.Dialects;

/// <summary>Npgsql connection strings of a <see cref="PostgresStoreLocation"/>.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>The ADO.NET invariant name Orleans' ADO.NET providers know Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The connection string of <paramref name="location"/>, password included (for a driver only).</summary>
    /// <param name="applicationName">What the server's pg_stat_activity shows for these connections.</param>
    public static string For(PostgresStoreLocation location, string applicationName) =>
        Builder(location, applicationName).ConnectionString;

    internal static NpgsqlConnectionStringBuilder Builder(PostgresStoreLocation location, string applicationName) => new()
    {
        Host = location.Host,
        Port = location.Port,
        Database = location.Database,
        Username = location.User,
        Password = location.Password,
        Timeout = Math.Max(1, (int)Math.Ceiling(location.ConnectTimeout.TotalSeconds)),
        ApplicationName = applicationName,
        Pooling = true,
    };
}
