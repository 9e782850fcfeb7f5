// Keeps the sweeps of a write batch from being deleted while the batch is written: in PostgreSQL each sweep's row is
// locked FOR KEY SHARE once at the start of the batch's transaction (a concurrent delete waits for the commit, then
// removes the new rows too); SQLite's write transaction already excludes every other writer. Sweeps are locked in id
// order, so two writers cannot deadlock on them.
using System.Data.Common;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>Locks sweep rows for the length of a write transaction.</summary>
internal static class SweepRowLocks
{
    public static async Task LockAsync(
        IStoreDialect dialect, DbConnection connection, DbTransaction transaction, IEnumerable<string> sweeps, CancellationToken cancellationToken)
    {
        if (dialect.SweepRowLock.Length == 0) return;
        foreach (var sweep in sweeps.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await using var command = connection.Command(transaction,
                $"SELECT 1 FROM {dialect.Quote(SweepsTable.Name)} WHERE {dialect.Quote(SweepsTable.Id)} = @sweep{dialect.SweepRowLock}");
            dialect.Add(command, "@sweep", ColumnType.Text, sweep);
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
