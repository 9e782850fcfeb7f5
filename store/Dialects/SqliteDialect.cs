// SQLite, the embedded default: one file (its folder created when missing), WAL journal (readers never block the
// writer), synchronous=NORMAL (a process crash loses nothing; a power cut may lose the last commits, never the file),
// pooled connections for readers and one kept connection for this process's writers (SqliteWriter), and a busy
// timeout: a statement that meets another process's write lock retries until the timeout, then fails as Locked. Timestamps are ISO-8601 UTC text, which sqlite3's date functions and pandas read.
// An in-memory location (`--store memory`) is a named shared-cache database kept alive by one open connection. Opened
// for reading only (StoreAccess.ReadOnly), a file is opened read-only and no folder is made.
using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using SweepCluster.Core;

namespace SweepCluster.Store.Dialects;

/// <summary>The SQLite dialect.</summary>
internal sealed class SqliteDialect : IStoreDialect
{
    /// <summary>Microseconds, UTC, sortable as text.</summary>

    private readonly string _connectionString;
    private readonly string? _fullPath;
    private readonly TimeSpan _busyTimeout;
    private readonly bool _createsFolder;
    private readonly SqliteWriter _writer;
    private bool _folderMade;

    /// <summary>An in-memory database lives while a connection to it is open: this one, for the store's life.</summary>
    private readonly SqliteConnection? _memoryKeeper;

    public SqliteDialect(SqliteStoreLocation location, StoreAccess access = StoreAccess.ReadWrite)
    {
        _fullPath = Path.GetFullPath(location.Path);
        _createsFolder = access == StoreAccess.ReadWrite;
        StoreName = location.ToString();
        var seconds = Math.Max(1, (int)Math.Ceiling(location.BusyTimeout.TotalSeconds));
        _busyTimeout = TimeSpan.FromSeconds(seconds);
        _writer = new SqliteWriter(WriterQueue.For(_fullPath), OpenConnectionAsync);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _fullPath,
            Mode = access == StoreAccess.ReadWrite ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly,
            Pooling = true,
            DefaultTimeout = seconds,
        }.ToString();
    }

    public SqliteDialect(SqliteMemoryStoreLocation location)
    {
        StoreName = location.ToString();
        _busyTimeout = SqliteStoreLocation.DefaultBusyTimeout;
        _writer = new SqliteWriter(WriterQueue.For(location.Name), OpenConnectionAsync);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = location.Name,
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
            DefaultTimeout = (int)_busyTimeout.TotalSeconds,
        }.ToString();
        _memoryKeeper = new SqliteConnection(_connectionString);
        _memoryKeeper.Open();
    }

    public string StoreName { get; }

    public StoreEngine Engine => StoreEngine.Sqlite;

    public string SweepRowLock => "";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenConnectionAsync(cancellationToken);

    public Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _writer.RunAsync(work, cancellationToken);

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            if (_createsFolder && !_folderMade && _fullPath is not null && Path.GetDirectoryName(_fullPath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                _folderMade = true;
            }
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception)
        {
            await connection.DisposeAsync();
            if (Translate(exception) is { } error) throw error;
            throw;
        }
    }

    public string Quote(string identifier) => SqlIdentifier.Quote(identifier);

    public string CaseInsensitiveLike => "LIKE";

    public string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text or ColumnType.Timestamp => "TEXT",
        ColumnType.Real => "REAL",
        ColumnType.Integer => "INTEGER",
        ColumnType.Blob => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public string AddColumnSql(string table, string column, ColumnType type) =>
        $"ALTER TABLE {Quote(table)} ADD COLUMN {Quote(column)} {TypeName(type)}";

    public Task<IReadOnlySet<string>> ReadTableNamesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        ReadNamesAsync(connection, transaction,
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!'",
            null, cancellationToken);

    public Task<IReadOnlySet<string>> ReadColumnNamesAsync(
        DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken) =>
        ReadNamesAsync(connection, transaction, "SELECT name FROM pragma_table_info(@table)", table, cancellationToken);

    public Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public async Task PrepareStoreAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Bind(DbParameter parameter, ColumnType type, object? value)
    {
        parameter.DbType = type switch
        {
            ColumnType.Text or ColumnType.Timestamp => DbType.String,
            ColumnType.Real => DbType.Double,
            ColumnType.Integer => DbType.Int64,
            ColumnType.Blob => DbType.Binary,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        parameter.Value = value switch
        {
            null => DBNull.Value,
            double number when double.IsNaN(number) => DBNull.Value,
            DateTimeOffset instant => IsoInstant.Of(instant),
            _ => value,
        };
    }

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public StoreException? Translate(Exception exception) => exception switch
    {
        StoreException error => error,
        SqliteException sqlite => FromCode(sqlite),
        IOException or UnauthorizedAccessException => StoreErrors.CannotOpen(StoreName, exception.Message, exception),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _memoryKeeper?.Dispose();
        // Closes the pooled connections to this file, so that its -wal and -shm files go away with the last one.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private StoreException FromCode(SqliteException exception)
    {
        var code = exception.SqliteErrorCode;
        var detail = raw.sqlite3_errstr(code).utf8_to_string();
        return code switch
        {
            raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB => StoreErrors.Corrupt(StoreName, detail, exception),
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => StoreErrors.Locked(StoreName, _busyTimeout, exception),
            raw.SQLITE_CANTOPEN => StoreErrors.CannotOpen(StoreName, detail, exception),
            raw.SQLITE_READONLY or raw.SQLITE_PERM or raw.SQLITE_AUTH => StoreErrors.PermissionDenied(StoreName, detail, exception),
            _ => StoreErrors.Failed(StoreName, $"{detail}: {exception.Message}", exception),
        };
    }

    private static async Task<IReadOnlySet<string>> ReadNamesAsync(
        DbConnection connection, DbTransaction? transaction, string sql, string? table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (table is not null) command.Parameters.Add(new SqliteParameter("@table", table));
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }
}
