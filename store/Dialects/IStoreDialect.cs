// What differs between SQLite and PostgreSQL, behind one small interface: opening a configured connection, starting a
// write transaction, naming types, quoting names, listing tables and columns, the schema lock, binding timestamps,
// and turning the engine's errors into StoreExceptions. Everything else (the SQL of the study tables and the grain
// state, upserts with ON CONFLICT) is written once for both.
using System.Data.Common;

namespace SweepCluster.Store.Dialects;

/// <summary>One engine's connection factory and SQL differences.</summary>
public interface IStoreDialect : IAsyncDisposable
{
    /// <summary>How messages name the store: "SQLite store /abs/path.db" or "PostgreSQL store user@host:port/db" (no password).</summary>
    string StoreName { get; }

    /// <summary>The engine this dialect speaks.</summary>
    StoreEngine Engine { get; }

    /// <summary>An open connection, configured for the store; failures arrive as <see cref="StoreException"/>.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns and rolled back when
    /// it throws. SQLite: the writers of this process take turns on one kept connection, and each transaction takes the
    /// file's write lock at once (BEGIN IMMEDIATE), so writers wait for each other instead of failing on a lock
    /// upgrade. PostgreSQL: a pooled connection per transaction, writers side by side. Engine errors are not
    /// translated here.</summary>
    Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>The identifier in double quotes, embedded quotes doubled; throws for names the engine cannot hold.</summary>
    string Quote(string identifier);

    /// <summary>The operator of a LIKE that ignores case (SQLite: LIKE, which ignores ASCII case; PostgreSQL: ILIKE).</summary>
    string CaseInsensitiveLike { get; }

    /// <summary>The engine's name for <paramref name="type"/>.</summary>
    string TypeName(ColumnType type);

    /// <summary>The locking clause that keeps a sweep's row from being deleted until the transaction ends (PostgreSQL:
    /// " FOR KEY SHARE"; a concurrent delete waits, then removes the rows written meanwhile too); empty when the
    /// engine's write transaction already excludes every other writer (SQLite).</summary>
    string SweepRowLock { get; }

    /// <summary>ALTER TABLE ... ADD COLUMN (nullable). Callers add a column only after reading the table's columns
    /// inside a write transaction that holds the schema lock, so the column does not exist yet.</summary>
    string AddColumnSql(string table, string column, ColumnType type);

    /// <summary>The names of the tables (and views) in the store's schema, without the engine's own.</summary>
    Task<IReadOnlySet<string>> ReadTableNamesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>The column names of <paramref name="table"/>.</summary>
    Task<IReadOnlySet<string>> ReadColumnNamesAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken);

    /// <summary>Serialises schema changes between processes inside <paramref name="transaction"/> (SQLite: the write
    /// transaction already does).</summary>
    Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Settings kept in the store itself, applied once it is known to be a SweepCluster store (SQLite: WAL).</summary>
    Task PrepareStoreAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Sets <paramref name="parameter"/> to <paramref name="value"/> as <paramref name="type"/> (null and NaN:
    /// NULL, still typed; SQLite cannot hold NaN, and NULL keeps SQL aggregates and sorting meaningful in both).</summary>
    void Bind(DbParameter parameter, ColumnType type, object? value);

    /// <summary>Reads a <see cref="ColumnType.Timestamp"/> column.</summary>
    DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>The <see cref="StoreException"/> for an engine error; null when <paramref name="exception"/> is not one.</summary>
    StoreException? Translate(Exception exception);
}
