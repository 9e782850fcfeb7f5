// The statement that writes a trial or epoch row: an upsert by the table's key, inserted only while the row's sweep
// exists, so rows that arrive after their sweep was deleted are dropped instead of coming back as orphans (the batch
// holds its sweeps' rows locked: SweepRowLocks). The same text serves SQLite and PostgreSQL (ON CONFLICT ... DO
// UPDATE with excluded.*).
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>Builds guarded upserts.</summary>
internal static class GuardedUpsert
{
    /// <summary>INSERT INTO table (columns) SELECT @c0, ... WHERE the sweep @c0 exists ON CONFLICT (key) DO UPDATE SET
    /// every other column. The sweep id must be the first column.</summary>
    public static string Sql(IStoreDialect dialect, string table, IReadOnlyList<string> columns, IReadOnlyList<string> key)
    {
        var quoted = columns.Select(dialect.Quote).ToArray();
        var placeholders = columns.Select((_, i) => RowStatements.Parameter(i));
        var updates = columns.Where(column => !key.Contains(column))
            .Select(column => $"{dialect.Quote(column)} = excluded.{dialect.Quote(column)}");
        return $"INSERT INTO {dialect.Quote(table)} ({string.Join(", ", quoted)}) " +
               $"SELECT {string.Join(", ", placeholders)} " +
               $"WHERE EXISTS (SELECT 1 FROM {dialect.Quote(SweepsTable.Name)} WHERE {dialect.Quote(SweepsTable.Id)} = {RowStatements.Parameter(0)}) " +
               $"ON CONFLICT ({string.Join(", ", key.Select(dialect.Quote))}) DO UPDATE SET {string.Join(", ", updates)}";
    }
}
