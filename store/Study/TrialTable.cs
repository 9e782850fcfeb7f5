// Writes and reads trial rows. A write groups the rows by sweep: the sweep's hyperparameter columns are registered
// first, then every row is upserted with all of them (a column the row lacks is set to NULL, so a trial whose
// schedule family changed keeps no stale parameter). Rows go in key order, so concurrent writers lock rows in one
// order and cannot deadlock. A read selects the sweep's own columns only.
using SweepCluster.Core.Specs;
using System.Data.Common;
using SweepCluster.Core;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>The trials table's SQL.</summary>
internal sealed class TrialTable(IStoreDialect dialect, HyperparameterSchema hyperparameters)
{
    /// <summary>The fixed columns in write order (the sweep first, as the guard expects) with how a row fills them.</summary>
    private static readonly IReadOnlyList<(string Name, ColumnType Type, Func<TrialRow, object?> Value)> Fixed =
    [
        (TrialsTable.Sweep, ColumnType.Text, row => row.Sweep),
        (TrialsTable.Trial, ColumnType.Integer, row => (long)row.Trial),
        (TrialsTable.Combination, ColumnType.Integer, row => (long)row.Combination),
        (TrialsTable.Seed, ColumnType.Integer, row => row.Seed),
        (TrialsTable.Status, ColumnType.Text, row => SpecNames.Of(row.Status)),
        (TrialsTable.FinalMetric, ColumnType.Real, row => row.FinalMetric),
        (TrialsTable.BestMetric, ColumnType.Real, row => row.BestMetric),
        (TrialsTable.BestEpoch, ColumnType.Integer, row => (long?)row.BestEpoch),
        (TrialsTable.EpochsRun, ColumnType.Integer, row => (long)row.EpochsRun),
        (TrialsTable.WallSeconds, ColumnType.Real, row => row.WallSeconds),
        (TrialsTable.Silo, ColumnType.Text, row => row.Silo),
        (TrialsTable.Attempts, ColumnType.Integer, row => (long)row.Attempts),
        (TrialsTable.PrunedAtEpoch, ColumnType.Integer, row => (long?)row.PrunedAtEpoch),
        (TrialsTable.PbtDonor, ColumnType.Integer, row => (long?)row.PbtDonor),
        (TrialsTable.TestMetric, ColumnType.Real, row => row.TestMetric),
        (TrialsTable.Finished, ColumnType.Timestamp, row => row.Finished),
    ];

    /// <summary>The fixed columns' names in <see cref="Fixed"/>'s order (also the order a read selects them in).</summary>
    public static IReadOnlyList<string> FixedColumns { get; } = Fixed.Select(column => column.Name).ToArray();

    private static readonly IReadOnlyList<string> Key = TrialsTable.Definition.PrimaryKey;

    /// <summary>Upserts <paramref name="rows"/> in <paramref name="transaction"/>; returns how many were written.</summary>
    public async Task<int> WriteAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<TrialRow> rows, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var sweep in rows.GroupBy(row => row.Sweep, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var sweepRows = sweep.OrderBy(row => row.Trial).ToList();
            var columns = await hyperparameters.RegisterAsync(connection, transaction, sweep.Key, ColumnsOf(sweepRows), cancellationToken);
            var names = FixedColumns.Concat(columns.Select(column => column.Name)).ToList();
            var types = Fixed.Select(column => column.Type).Concat(columns.Select(column => column.Type)).ToList();
            var sql = GuardedUpsert.Sql(dialect, TrialsTable.Name, names, Key);
            written += await RowStatements.ExecuteAsync(dialect, connection, transaction, sql, types, sweepRows,
                (row, values) => Fill(row, columns, values), cancellationToken);
        }
        return written;
    }

    /// <summary>The hyperparameter columns <paramref name="rows"/> use, each once, in first-seen order.</summary>
    public static IReadOnlyCollection<HyperparameterColumn> ColumnsOf(IEnumerable<TrialRow> rows) =>
        rows.SelectMany(row => row.Hyperparameters).Select(value => new HyperparameterColumn(value.Column, value.Type))
            .DistinctBy(column => column.Name).ToList();

    /// <summary>The sweep's trials in index order, with the sweep's hyperparameter columns.</summary>
    public Task<IReadOnlyList<TrialRow>> ReadAsync(string sweep, CancellationToken cancellationToken) =>
        dialect.RunAsync<IReadOnlyList<TrialRow>>(async connection =>
        {
            var columns = await HyperparameterSchema.ReadAsync(dialect, connection, null, sweep, cancellationToken);
            var selected = FixedColumns.Concat(columns.Select(column => column.Name)).Select(dialect.Quote);
            await using var command = connection.Command(null,
                $"SELECT {string.Join(", ", selected)} FROM {dialect.Quote(TrialsTable.Name)} " +
                $"WHERE {dialect.Quote(TrialsTable.Sweep)} = @sweep ORDER BY {dialect.Quote(TrialsTable.Trial)}");
            dialect.Add(command, "@sweep", ColumnType.Text, sweep);
            var trials = new List<TrialRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) trials.Add(Read(dialect, reader, columns));
            return trials;
        }, cancellationToken);

    private static void Fill(TrialRow row, IReadOnlyList<HyperparameterColumn> columns, object?[] values)
    {
        for (var i = 0; i < Fixed.Count; i++) values[i] = Fixed[i].Value(row);
        for (var i = 0; i < columns.Count; i++) values[Fixed.Count + i] = ValueOf(row, columns[i].Name);
    }

    private static object? ValueOf(TrialRow row, string column)
    {
        foreach (var value in row.Hyperparameters)
        {
            if (value.Column == column) return value.Value;
        }
        return null;
    }

    private static TrialRow Read(IStoreDialect dialect, DbDataReader reader, IReadOnlyList<HyperparameterColumn> columns)
    {
        var values = new List<HyperparameterValue>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var ordinal = Fixed.Count + i;
            if (!reader.IsDBNull(ordinal)) values.Add(HyperparameterValue.FromDatabase(columns[i].Name, columns[i].Type, reader.GetValue(ordinal)));
        }
        return new TrialRow(
            reader.GetString(Ordinal(TrialsTable.Sweep)),
            checked((int)reader.GetInt64(Ordinal(TrialsTable.Trial))),
            checked((int)reader.GetInt64(Ordinal(TrialsTable.Combination))),
            reader.GetInt64(Ordinal(TrialsTable.Seed)),
            SpecNames.Parse<TrialStatus>(reader.GetString(Ordinal(TrialsTable.Status))))
        {
            FinalMetric = NullableDouble(reader, Ordinal(TrialsTable.FinalMetric)),
            BestMetric = NullableDouble(reader, Ordinal(TrialsTable.BestMetric)),
            BestEpoch = NullableInt(reader, Ordinal(TrialsTable.BestEpoch)),
            EpochsRun = checked((int)reader.GetInt64(Ordinal(TrialsTable.EpochsRun))),
            WallSeconds = NullableDouble(reader, Ordinal(TrialsTable.WallSeconds)),
            Silo = reader.IsDBNull(Ordinal(TrialsTable.Silo)) ? null : reader.GetString(Ordinal(TrialsTable.Silo)),
            Attempts = checked((int)reader.GetInt64(Ordinal(TrialsTable.Attempts))),
            PrunedAtEpoch = NullableInt(reader, Ordinal(TrialsTable.PrunedAtEpoch)),
            PbtDonor = NullableInt(reader, Ordinal(TrialsTable.PbtDonor)),
            TestMetric = NullableDouble(reader, Ordinal(TrialsTable.TestMetric)),
            Finished = reader.IsDBNull(Ordinal(TrialsTable.Finished)) ? null : dialect.ReadTimestamp(reader, Ordinal(TrialsTable.Finished)),
            Hyperparameters = values,
        };
    }

    /// <summary>Where a fixed column is in a read's row.</summary>
    private static int Ordinal(string column) => FixedOrdinals[column];

    private static readonly IReadOnlyDictionary<string, int> FixedOrdinals =
        FixedColumns.Select((name, i) => (name, i)).ToDictionary(pair => pair.name, pair => pair.i, StringComparer.Ordinal);

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : checked((int)reader.GetInt64(ordinal));
}
