// Runs one parameterised statement for many rows inside a transaction, as fast as the engine allows: a DbBatch where
// the provider has one (Npgsql: every row in one round trip), else one prepared command re-bound per row
// (Microsoft.Data.Sqlite: in-process, no round trips). Parameters are named @c0, @c1, ... in column order.
using System.Data.Common;
using SweepCluster.Store.Dialects;

namespace SweepCluster.Store.Sql;

/// <summary>Executes a statement once per row.</summary>
internal static class RowStatements
{
    /// <summary>The placeholder of the <paramref name="index"/>-th value: "@c3".</summary>
    public static string Parameter(int index) => $"@c{index}";

    /// <summary>Runs <paramref name="sql"/> for every row; returns the rows the engine reports as affected.</summary>
    /// <param name="types">The type of each placeholder, in order.</param>
    /// <param name="fill">Writes a row's values, in placeholder order, into the buffer it is given.</param>
    public static async Task<int> ExecuteAsync<TRow>(
        IStoreDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        string sql,
        IReadOnlyList<ColumnType> types,
        IReadOnlyCollection<TRow> rows,
        Action<TRow, object?[]> fill,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        var values = new object?[types.Count];
        return connection.CanCreateBatch
            ? await ExecuteBatchAsync(dialect, connection, transaction, sql, types, rows, fill, values, cancellationToken)
            : await ExecutePreparedAsync(dialect, connection, transaction, sql, types, rows, fill, values, cancellationToken);
    }

    private static async Task<int> ExecuteBatchAsync<TRow>(
        IStoreDialect dialect, DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<ColumnType> types,
        IReadOnlyCollection<TRow> rows, Action<TRow, object?[]> fill, object?[] values, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            fill(row, values);
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            for (var i = 0; i < types.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = Parameter(i);
                dialect.Bind(parameter, types[i], values[i]);
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ExecutePreparedAsync<TRow>(
        IStoreDialect dialect, DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<ColumnType> types,
        IReadOnlyCollection<TRow> rows, Action<TRow, object?[]> fill, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql);
        var parameters = types.Select((type, i) => dialect.Add(command, Parameter(i), type, null)).ToArray();
        await command.PrepareAsync(cancellationToken);
        var affected = 0;
        foreach (var row in rows)
        {
            fill(row, values);
            for (var i = 0; i < types.Count; i++) dialect.Bind(parameters[i], types[i], values[i]);
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return affected;
    }
}
