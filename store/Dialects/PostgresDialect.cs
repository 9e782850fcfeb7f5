// PostgreSQL, for clusters of several machines: one NpgsqlDataSource (a connection pool) per store, the tables in the
// connection's current schema, timestamptz for instants, bytea for payloads, an advisory lock around schema changes,
// and FOR KEY SHARE on the sweep row while a sweep's rows are written (a concurrent delete waits, then removes them).
// Opened for reading (StoreAccess.ReadOnly), its sessions are read-only: the server refuses any write.
using System.Data;
using System.Data.Common;
using System.Text;
using Npgsql;

namespace SweepCluster.Store.Dialects;

/// <summary>The PostgreSQL dialect.</summary>
internal sealed class PostgresDialect : IStoreDialect
{
    /// <summary>PostgreSQL keeps at most NAMEDATALEN − 1 = 63 bytes of a name and silently cuts longer ones.</summary>
    private const int MaxIdentifierBytes = 63;

    /// <summary>The advisory-lock key that serialises schema changes: "SWPSTORE" in ASCII.</summary>
    private const long SchemaLockKey = 0x53_57_50_53_54_4F_52_45L;

    private const string ApplicationName = "sweepcluster";

    /// <summary>Statements each connection prepares once it has seen them twice (the row upserts of a write batch).</summary>
    private const int AutoPreparedStatements = 32;

    private readonly PostgresStoreLocation _location;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Sessions of a store opened for reading: the server refuses every write in them.</summary>
    private const string ReadOnlySessions = "-c default_transaction_read_only=on";

    public PostgresDialect(PostgresStoreLocation location, StoreAccess access = StoreAccess.ReadWrite)
    {
        _location = location;
        StoreName = location.ToString();
        var builder = PostgresConnectionStrings.Builder(location, ApplicationName);
        builder.MaxAutoPrepare = AutoPreparedStatements;
        if (access == StoreAccess.ReadOnly) builder.Options = ReadOnlySessions;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string StoreName { get; }

    public StoreEngine Engine => StoreEngine.Postgres;

    public string SweepRowLock => " FOR KEY SHARE";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception exception) when (Translate(exception) is { } error)
        {
            throw error;
        }
    }

    public async Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public string Quote(string identifier)
    {
        var quoted = SqlIdentifier.Quote(identifier);
        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
            throw new ArgumentException($"PostgreSQL names are at most {MaxIdentifierBytes} bytes: '{identifier}'", nameof(identifier));
        return quoted;
    }

    public string CaseInsensitiveLike => "ILIKE";

    public string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "text",
        ColumnType.Real => "double precision",
        ColumnType.Integer => "bigint",
        ColumnType.Blob => "bytea",
        ColumnType.Timestamp => "timestamptz",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public string AddColumnSql(string table, string column, ColumnType type) =>
        $"ALTER TABLE {Quote(table)} ADD COLUMN IF NOT EXISTS {Quote(column)} {TypeName(type)}";

    public Task<IReadOnlySet<string>> ReadTableNamesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ReadNamesAsync(connection, transaction,
            """
            SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """,
            null, cancellationToken);

    public Task<IReadOnlySet<string>> ReadColumnNamesAsync(
        DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken) =>
        ReadNamesAsync(connection, transaction,
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table",
            table, cancellationToken);

    public async Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        command.Parameters.Add(new NpgsqlParameter("@key", SchemaLockKey));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task PrepareStoreAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Bind(DbParameter parameter, ColumnType type, object? value)
    {
        parameter.DbType = type switch
        {
            ColumnType.Text => DbType.String,
            ColumnType.Real => DbType.Double,
            ColumnType.Integer => DbType.Int64,
            ColumnType.Blob => DbType.Binary,
            ColumnType.Timestamp => DbType.DateTimeOffset,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        parameter.Value = value switch
        {
            null => DBNull.Value,
            double number when double.IsNaN(number) => DBNull.Value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => value,
        };
    }

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public StoreException? Translate(Exception exception) =>
        PostgresErrorTranslator.Translate(exception, StoreName, _location);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<IReadOnlySet<string>> ReadNamesAsync(
        DbConnection connection, DbTransaction? transaction, string sql, string? table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (table is not null) command.Parameters.Add(new NpgsqlParameter("@table", table));
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }
}
