// Writes and reads epoch rows. An epoch is upserted by (sweep, trial, epoch): a trial resumed from a checkpoint
// re-writes its epochs over the old rows, never beside them. NaN is written as NULL and read back as NaN.
using System.Data.Common;
using SweepCluster.Core;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>The epochs table's SQL.</summary>
internal sealed class EpochTable(IStoreDialect dialect)
{
    /// <summary>The columns in write order (the sweep first, as the guard expects) with how a row fills them.</summary>
    private static readonly IReadOnlyList<(string Name, ColumnType Type, Func<EpochRow, object?> Value)> Columns =
    [
        (EpochsTable.Sweep, ColumnType.Text, row => row.Sweep),
        (EpochsTable.Trial, ColumnType.Integer, row => (long)row.Trial),
        (EpochsTable.Epoch, ColumnType.Integer, row => (long)row.Record.Epoch),
        (EpochsTable.Step, ColumnType.Integer, row => row.Record.Step),
        (EpochsTable.TrainLoss, ColumnType.Real, row => row.Record.TrainLoss),
        (EpochsTable.TrainMetric, ColumnType.Real, row => row.Record.TrainMetric),
        (EpochsTable.ValLoss, ColumnType.Real, row => row.Record.ValLoss),
        (EpochsTable.ValMetric, ColumnType.Real, row => row.Record.ValMetric),
        (EpochsTable.ValR2, ColumnType.Real, row => row.Record.ValR2),
        (EpochsTable.LearningRate, ColumnType.Real, row => row.Record.LearningRate),
        (EpochsTable.WeightDecay, ColumnType.Real, row => row.Record.WeightDecay),
        (EpochsTable.BatchSize, ColumnType.Integer, row => (long)row.Record.BatchSize),
    ];

    /// <summary>The columns' names in write and read order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = Columns.Select(column => column.Name).ToArray();

    private static readonly IReadOnlyList<ColumnType> Types = Columns.Select(column => column.Type).ToArray();

    private static readonly IReadOnlyDictionary<string, int> Ordinals =
        ColumnNames.Select((name, i) => (name, i)).ToDictionary(pair => pair.name, pair => pair.i, StringComparer.Ordinal);

    private readonly string _upsert = GuardedUpsert.Sql(dialect, EpochsTable.Name, ColumnNames, EpochsTable.Definition.PrimaryKey);

    /// <summary>Upserts <paramref name="rows"/> in <paramref name="transaction"/>; returns how many were written.</summary>
    public Task<int> WriteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<EpochRow> rows, CancellationToken cancellationToken) =>
        RowStatements.ExecuteAsync(dialect, connection, transaction, _upsert, Types, InKeyOrder(rows),
            (row, values) =>
            {
                for (var i = 0; i < Columns.Count; i++) values[i] = Columns[i].Value(row);
            },
            cancellationToken);

    /// <summary>The rows sorted by key, so concurrent writers lock rows in one order and cannot deadlock.</summary>
    private static IReadOnlyCollection<EpochRow> InKeyOrder(IReadOnlyCollection<EpochRow> rows) =>
        rows.OrderBy(row => row.Sweep, StringComparer.Ordinal).ThenBy(row => row.Trial).ThenBy(row => row.Record.Epoch).ToList();

    /// <summary>The sweep's epochs (or one trial's), ordered by trial then epoch.</summary>
    public Task<IReadOnlyList<EpochRow>> ReadAsync(string sweep, int? trial, CancellationToken cancellationToken) =>
        dialect.RunAsync<IReadOnlyList<EpochRow>>(async connection =>
        {
            var where = $"{dialect.Quote(EpochsTable.Sweep)} = @sweep" + (trial is null ? "" : $" AND {dialect.Quote(EpochsTable.Trial)} = @trial");
            await using var command = connection.Command(null,
                $"SELECT {string.Join(", ", ColumnNames.Select(dialect.Quote))} FROM {dialect.Quote(EpochsTable.Name)} WHERE {where} " +
                $"ORDER BY {dialect.Quote(EpochsTable.Trial)}, {dialect.Quote(EpochsTable.Epoch)}");
            dialect.Add(command, "@sweep", ColumnType.Text, sweep);
            if (trial is { } index) dialect.Add(command, "@trial", ColumnType.Integer, (long)index);
            var epochs = new List<EpochRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) epochs.Add(Read(reader));
            return epochs;
        }, cancellationToken);

    private static EpochRow Read(DbDataReader reader) => new(
        reader.GetString(Ordinals[EpochsTable.Sweep]),
        checked((int)reader.GetInt64(Ordinals[EpochsTable.Trial])),
        new EpochRecord(
            checked((int)reader.GetInt64(Ordinals[EpochsTable.Epoch])),
            reader.GetInt64(Ordinals[EpochsTable.Step]),
            NullableDouble(reader, Ordinals[EpochsTable.TrainLoss]) ?? double.NaN,
            NullableDouble(reader, Ordinals[EpochsTable.TrainMetric]) ?? double.NaN,
            NullableDouble(reader, Ordinals[EpochsTable.ValLoss]),
            NullableDouble(reader, Ordinals[EpochsTable.ValMetric]),
            NullableDouble(reader, Ordinals[EpochsTable.ValR2]),
            NullableDouble(reader, Ordinals[EpochsTable.LearningRate]) ?? double.NaN,
            NullableDouble(reader, Ordinals[EpochsTable.WeightDecay]) ?? double.NaN,
            checked((int)reader.GetInt64(Ordinals[EpochsTable.BatchSize]))));

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
