// Reads and writes a store with the engines' own ADO.NET providers only, no SweepCluster code: what a person does
// with sqlite3, psql or pandas. Used to check what the store really wrote and to set up foreign or damaged stores.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SweepCluster.Store;

namespace SweepCluster.Store.Tests.Support;

public static class RawSql
{
    /// <summary>A new, unpooled connection to the store at <paramref name="location"/>.</summary>
    public static async Task<DbConnection> OpenAsync(StoreLocation location)
    {
        DbConnection connection = location switch
        {
            SqliteStoreLocation sqlite => new SqliteConnection(
                new SqliteConnectionStringBuilder { DataSource = sqlite.Path, Pooling = false, DefaultTimeout = 1 }.ToString()),
            PostgresStoreLocation postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder
            {
                Host = postgres.Host, Port = postgres.Port, Database = postgres.Database, Username = postgres.User,
                Password = postgres.Password, Pooling = false,
            }.ToString()),
            _ => throw new ArgumentOutOfRangeException(nameof(location)),
        };
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public static async Task<object?> ScalarAsync(StoreLocation location, string sql)
    {
        await using var connection = await OpenAsync(location);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>The count <paramref name="sql"/> returns, as a long.</summary>
    public static async Task<long> CountAsync(StoreLocation location, string sql) =>
        Convert.ToInt64(await ScalarAsync(location, sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every row of <paramref name="sql"/>, values as the provider returns them (DBNull as null).</summary>
    public static async Task<IReadOnlyList<object?[]>> RowsAsync(StoreLocation location, string sql)
    {
        await using var connection = await OpenAsync(location);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Runs statements.</summary>
    public static async Task ExecuteAsync(StoreLocation location, params string[] statements)
    {
        await using var connection = await OpenAsync(location);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
