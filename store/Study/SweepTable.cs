// Writes, reads and deletes sweep rows. Deleting a sweep removes its row first (in PostgreSQL that waits for writers
// holding the sweep's row lock, so their rows are committed and seen), then its trials, epochs and column list, all in
// one transaction.
using SweepCluster.Core.Specs;
using System.Data.Common;
using SweepCluster.Core;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>The sweeps table's SQL.</summary>
internal sealed class SweepTable(IStoreDialect dialect)
{
    private static readonly IReadOnlyList<(string Name, ColumnType Type, Func<SweepRow, object?> Value)> Columns =
    [
        (SweepsTable.Id, ColumnType.Text, row => row.Id),
        (SweepsTable.SweepName, ColumnType.Text, row => row.Name),
        (SweepsTable.Spec, ColumnType.Text, row => row.Spec),
        (SweepsTable.Status, ColumnType.Text, row => SpecNames.Of(row.Status)),
        (SweepsTable.Created, ColumnType.Timestamp, row => row.Created),
        (SweepsTable.Finished, ColumnType.Timestamp, row => row.Finished),
        (SweepsTable.Metric, ColumnType.Text, row => SpecNames.Of(row.Metric.Name)),
        (SweepsTable.Goal, ColumnType.Text, row => SpecNames.Of(row.Metric.Goal)),
    ];

    private static readonly IReadOnlyDictionary<string, int> Ordinals =
        Columns.Select((column, i) => (column.Name, i)).ToDictionary(pair => pair.Name, pair => pair.i, StringComparer.Ordinal);

    /// <summary>The tables that hold a sweep's rows, keyed by a "sweep" column, deleted after the sweep's own row.</summary>
    private static readonly IReadOnlyList<(string Table, string SweepColumn)> Dependents =
    [
        (EpochsTable.Name, EpochsTable.Sweep),
        (TrialsTable.Name, TrialsTable.Sweep),
        (SweepHyperparametersTable.Name, SweepHyperparametersTable.Sweep),
    ];

    private string SelectAll => $"SELECT {string.Join(", ", Columns.Select(column => dialect.Quote(column.Name)))} FROM {dialect.Quote(SweepsTable.Name)}";

    /// <summary>Inserts the sweep or replaces every column of its row.</summary>
    public Task UpsertAsync(SweepRow sweep, CancellationToken cancellationToken) =>
        dialect.WriteAsync(async (connection, transaction) =>
        {
            var names = Columns.Select(column => dialect.Quote(column.Name)).ToArray();
            var updates = Columns.Skip(1).Select(column => $"{dialect.Quote(column.Name)} = excluded.{dialect.Quote(column.Name)}");
            await using var command = connection.Command(transaction,
                $"INSERT INTO {dialect.Quote(SweepsTable.Name)} ({string.Join(", ", names)}) " +
                $"VALUES ({string.Join(", ", Columns.Select((_, i) => RowStatements.Parameter(i)))}) " +
                $"ON CONFLICT ({dialect.Quote(SweepsTable.Id)}) DO UPDATE SET {string.Join(", ", updates)}");
            for (var i = 0; i < Columns.Count; i++) dialect.Add(command, RowStatements.Parameter(i), Columns[i].Type, Columns[i].Value(sweep));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Sets the sweep's status and end time; false when there is no such sweep.</summary>
    public Task<bool> SetStatusAsync(string id, SweepStatus status, DateTimeOffset? finished, CancellationToken cancellationToken) =>
        dialect.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command(transaction,
                $"UPDATE {dialect.Quote(SweepsTable.Name)} SET {dialect.Quote(SweepsTable.Status)} = @status, " +
                $"{dialect.Quote(SweepsTable.Finished)} = @finished WHERE {dialect.Quote(SweepsTable.Id)} = @id");
            dialect.Add(command, "@status", ColumnType.Text, SpecNames.Of(status));
            dialect.Add(command, "@finished", ColumnType.Timestamp, finished);
            dialect.Add(command, "@id", ColumnType.Text, id);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    /// <summary>Removes the sweep and every row of it; false when there was no such sweep.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        dialect.WriteAsync(async (connection, transaction) =>
        {
            var existed = await DeleteFromAsync(connection, transaction, SweepsTable.Name, SweepsTable.Id, id, cancellationToken) > 0;
            foreach (var (table, column) in Dependents) await DeleteFromAsync(connection, transaction, table, column, id, cancellationToken);
            return existed;
        }, cancellationToken);

    /// <summary>Every sweep, newest first.</summary>
    public Task<IReadOnlyList<SweepRow>> ListAsync(CancellationToken cancellationToken) =>
        dialect.RunAsync<IReadOnlyList<SweepRow>>(async connection =>
        {
            await using var command = connection.Command(null,
                $"{SelectAll} ORDER BY {dialect.Quote(SweepsTable.Created)} DESC, {dialect.Quote(SweepsTable.Id)} DESC");
            return await ReadAllAsync(command, cancellationToken);
        }, cancellationToken);

    /// <summary>One sweep; null when there is no such sweep.</summary>
    public Task<SweepRow?> GetAsync(string id, CancellationToken cancellationToken) =>
        dialect.RunAsync(async connection =>
        {
            await using var command = connection.Command(null, $"{SelectAll} WHERE {dialect.Quote(SweepsTable.Id)} = @id");
            dialect.Add(command, "@id", ColumnType.Text, id);
            return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
        }, cancellationToken);

    private async Task<int> DeleteFromAsync(
        DbConnection connection, DbTransaction transaction, string table, string column, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, $"DELETE FROM {dialect.Quote(table)} WHERE {dialect.Quote(column)} = @id");
        dialect.Add(command, "@id", ColumnType.Text, id);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<SweepRow>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var sweeps = new List<SweepRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) sweeps.Add(Read(reader));
        return sweeps;
    }

    private SweepRow Read(DbDataReader reader)
    {
        var finished = Ordinals[SweepsTable.Finished];
        return new SweepRow(
            reader.GetString(Ordinals[SweepsTable.Id]),
            reader.GetString(Ordinals[SweepsTable.SweepName]),
            reader.GetString(Ordinals[SweepsTable.Spec]),
            SpecNames.Parse<SweepStatus>(reader.GetString(Ordinals[SweepsTable.Status])),
            dialect.ReadTimestamp(reader, Ordinals[SweepsTable.Created]),
            reader.IsDBNull(finished) ? null : dialect.ReadTimestamp(reader, finished),
            new MetricSpec(
                SpecNames.Parse<MetricName>(reader.GetString(Ordinals[SweepsTable.Metric])),
                SpecNames.Parse<MetricGoal>(reader.GetString(Ordinals[SweepsTable.Goal]))));
    }
}
