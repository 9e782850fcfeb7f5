// Keeps the trials table's hyperparameter columns and each sweep's list of them. A column is added (nullable) the first
// time any sweep writes it, in a short transaction of its own under the schema lock (an ALTER TABLE in PostgreSQL
// locks the whole table, so it must not wait inside a large batch); the columns known to exist are cached. A sweep's
// own list (sweep_hyperparameters) is read and extended inside the batch's transaction, so two writers agree on it.
using SweepCluster.Core.Specs;
using System.Collections.Concurrent;
using System.Data.Common;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>The hyperparameter columns of the trials table and of each sweep.</summary>
internal sealed class HyperparameterSchema(IStoreDialect dialect)
{
    private readonly ConcurrentDictionary<string, bool> _tableColumns = new(StringComparer.Ordinal);

    /// <summary>Adds to the trials table every column of <paramref name="columns"/> it lacks.</summary>
    public async Task EnsureColumnsAsync(IEnumerable<HyperparameterColumn> columns, CancellationToken cancellationToken)
    {
        var wanted = columns.DistinctBy(column => column.Name).Where(column => !_tableColumns.ContainsKey(column.Name)).ToList();
        if (wanted.Count == 0) return;
        await dialect.WriteAsync(async (connection, transaction) =>
        {
            await dialect.LockSchemaAsync(connection, transaction, cancellationToken);
            var existing = await dialect.ReadColumnNamesAsync(connection, transaction, TrialsTable.Name, cancellationToken);
            foreach (var column in wanted.Where(column => !existing.Contains(column.Name)))
            {
                await using var command = connection.Command(transaction, dialect.AddColumnSql(TrialsTable.Name, column.Name, column.Type));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return true;
        }, cancellationToken);
        foreach (var column in wanted) _tableColumns[column.Name] = true;
    }

    /// <summary>Adds <paramref name="columns"/> to the sweep's list where missing (only while the sweep exists) and returns the whole list in order.</summary>
    public async Task<IReadOnlyList<HyperparameterColumn>> RegisterAsync(
        DbConnection connection, DbTransaction transaction, string sweep, IReadOnlyCollection<HyperparameterColumn> columns,
        CancellationToken cancellationToken)
    {
        var registered = await ReadAsync(dialect, connection, transaction, sweep, cancellationToken);
        var known = registered.Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        var missing = columns.Where(column => known.Add(column.Name)).ToList();
        if (missing.Count == 0) return registered;
        var sql = $"INSERT INTO {dialect.Quote(SweepHyperparametersTable.Name)} " +
                  $"({dialect.Quote(SweepHyperparametersTable.Sweep)}, {dialect.Quote(SweepHyperparametersTable.Position)}, " +
                  $"{dialect.Quote(SweepHyperparametersTable.Column)}, {dialect.Quote(SweepHyperparametersTable.Type)}) " +
                  $"SELECT {RowStatements.Parameter(0)}, {RowStatements.Parameter(1)}, {RowStatements.Parameter(2)}, {RowStatements.Parameter(3)} " +
                  $"WHERE EXISTS (SELECT 1 FROM {dialect.Quote(SweepsTable.Name)} WHERE {dialect.Quote(SweepsTable.Id)} = {RowStatements.Parameter(0)}) " +
                  $"ON CONFLICT ({dialect.Quote(SweepHyperparametersTable.Sweep)}, {dialect.Quote(SweepHyperparametersTable.Column)}) DO NOTHING";
        // Positions follow first use; the inserts go in name order, so two writers registering the same columns
        // take their index locks in one order and cannot deadlock.
        var numbered = missing.Select((column, i) => (Column: column, Position: (long)(registered.Count + i)))
            .OrderBy(row => row.Column.Name, StringComparer.Ordinal).ToList();
        await RowStatements.ExecuteAsync(dialect, connection, transaction, sql,
            [ColumnType.Text, ColumnType.Integer, ColumnType.Text, ColumnType.Text],
            numbered,
            (row, values) =>
            {
                values[0] = sweep;
                values[1] = row.Position;
                values[2] = row.Column.Name;
                values[3] = SpecNames.Of(row.Column.Type);
            },
            cancellationToken);
        return [.. registered, .. missing];
    }

    /// <summary>The sweep's hyperparameter columns in the order it first wrote them.</summary>
    public static async Task<IReadOnlyList<HyperparameterColumn>> ReadAsync(
        IStoreDialect dialect, DbConnection connection, DbTransaction? transaction, string sweep, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction,
            $"SELECT {dialect.Quote(SweepHyperparametersTable.Column)}, {dialect.Quote(SweepHyperparametersTable.Type)} " +
            $"FROM {dialect.Quote(SweepHyperparametersTable.Name)} WHERE {dialect.Quote(SweepHyperparametersTable.Sweep)} = @sweep " +
            $"ORDER BY {dialect.Quote(SweepHyperparametersTable.Position)}, {dialect.Quote(SweepHyperparametersTable.Column)}");
        dialect.Add(command, "@sweep", ColumnType.Text, sweep);
        var columns = new List<HyperparameterColumn>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(new HyperparameterColumn(reader.GetString(0), SpecNames.Parse<ColumnType>(reader.GetString(1))));
        }
        return columns;
    }
}
