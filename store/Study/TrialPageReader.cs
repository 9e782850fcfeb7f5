// The SQL of a page of trials, the same for SQLite and PostgreSQL: the sweep's trial rows filtered (status set, a
// case-insensitive text match on its text hyperparameter values, a numeric range on one column), sorted (missing values
// last, ties by trial index), sliced by LIMIT/OFFSET, and only then joined to each trial's newest epoch through the
// epochs table's primary key, so a page costs one sort of the sweep's trials and two index lookups per row shown.
// Column names come only from TrialPageColumnSet (the sweep's known columns); every value is a parameter.
using System.Data.Common;
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Core.TrialPages;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Study;

/// <summary>Reads pages of trials and single trials' histories.</summary>
internal sealed class TrialPageReader(IStoreDialect dialect)
{
    private const string Page = "p";
    private const string Keys = "k";
    private const string Epochs = "e";
    private const char LikeEscape = '\\';

    /// <summary>The fixed columns a row is read from, in select order.</summary>
    private static readonly IReadOnlyList<string> RowColumns =
    [
        TrialsTable.Trial, TrialsTable.Combination, TrialsTable.Seed, TrialsTable.Status, TrialsTable.FinalMetric,
        TrialsTable.BestMetric, TrialsTable.EpochsRun, TrialsTable.WallSeconds,
    ];

    /// <summary>The trials columns that hold no NULL (no "missing last" term is needed to sort by them).</summary>
    private static readonly IReadOnlySet<string> NeverNull =
        TrialsTable.Definition.Columns.Where(c => !c.Nullable).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>One page of <paramref name="sweep"/>'s trials.</summary>
    /// <exception cref="TrialQueryException">The query names a column the sweep does not have, or ranges over a text column.</exception>
    public Task<TrialPage> ReadAsync(SweepRow sweep, TrialPageQuery query, CancellationToken cancellationToken) =>
        dialect.RunAsync(async connection =>
        {
            var columns = new TrialPageColumnSet(await HyperparameterSchema.ReadAsync(dialect, connection, null, sweep.Id, cancellationToken));
            var sort = columns.Sortable(query.Sort);
            var range = query.Range is { } r ? (Column: columns.Numeric(r.Column), r.Min, r.Max) : default((RunColumn Column, double? Min, double? Max)?);

            var total = await CountAsync(connection, sweep.Id, "", _ => { }, cancellationToken);
            var (where, bind) = Filters(query, columns, range);
            var filtered = where.Length == 0 ? total : await CountAsync(connection, sweep.Id, where, bind, cancellationToken);

            var order = OrderBy(sort.Name, query.Order);
            var metric = dialect.Quote(EpochColumnOf(sweep.Metric.Name));
            var latest = $"FROM {dialect.Quote(EpochsTable.Name)} {Epochs} WHERE {Epochs}.{dialect.Quote(EpochsTable.Sweep)} = {Page}.{dialect.Quote(TrialsTable.Sweep)} " +
                         $"AND {Epochs}.{dialect.Quote(EpochsTable.Trial)} = {Page}.{dialect.Quote(TrialsTable.Trial)} " +
                         $"ORDER BY {Epochs}.{dialect.Quote(EpochsTable.Epoch)} DESC LIMIT 1";
            var selected = RowColumns.Concat(columns.Hyperparameters.Select(c => c.Name)).Select(c => $"{Page}.{dialect.Quote(c)}")
                .Append($"(SELECT {Epochs}.{dialect.Quote(EpochsTable.Epoch)} {latest})")
                .Append($"(SELECT {Epochs}.{metric} {latest})");
            // The sort runs over the trial keys alone (a narrow sort even at a deep offset); the page's rows are then
            // read back by primary key. CROSS JOIN keeps SQLite's planner from scanning the sweep's trials and probing
            // the page's keys instead (it does not reorder a CROSS JOIN); PostgreSQL plans it as any inner join.
            var trial = dialect.Quote(TrialsTable.Trial);
            await using var command = connection.Command(null,
                $"SELECT {string.Join(", ", selected)} FROM (SELECT {trial} FROM {dialect.Quote(TrialsTable.Name)} WHERE {SweepIs}{where} " +
                $"ORDER BY {order(null)} LIMIT @limit OFFSET @offset) {Keys} " +
                $"CROSS JOIN {dialect.Quote(TrialsTable.Name)} {Page} WHERE {Page}.{dialect.Quote(TrialsTable.Sweep)} = @sweep AND {Page}.{trial} = {Keys}.{trial} " +
                $"ORDER BY {order(Page)}");
            dialect.Add(command, "@sweep", ColumnType.Text, sweep.Id);
            bind(command);
            dialect.Add(command, "@limit", ColumnType.Integer, (long)query.Limit);
            dialect.Add(command, "@offset", ColumnType.Integer, (long)query.Offset);
            var rows = new List<TrialPageRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(Read(reader, columns.Hyperparameters));
            return new TrialPage(sweep.Id, sweep.Metric, total, filtered, columns.Hyperparameters, rows, query);
        }, cancellationToken);

    /// <summary>Whether <paramref name="sweep"/> has a row for trial <paramref name="trial"/>.</summary>
    public Task<bool> HasTrialAsync(string sweep, int trial, CancellationToken cancellationToken) =>
        dialect.RunAsync(async connection =>
        {
            await using var command = connection.Command(null,
                $"SELECT COUNT(*) FROM {dialect.Quote(TrialsTable.Name)} WHERE {SweepIs} AND {dialect.Quote(TrialsTable.Trial)} = @trial");
            dialect.Add(command, "@sweep", ColumnType.Text, sweep);
            dialect.Add(command, "@trial", ColumnType.Integer, (long)trial);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        }, cancellationToken);

    /// <summary>The epochs column that holds <paramref name="metric"/> (as <see cref="MetricSpec.ValueOf"/> reads a record).</summary>
    internal static string EpochColumnOf(MetricName metric) => metric switch
    {
        MetricName.ValAccuracy or MetricName.ValRmse => EpochsTable.ValMetric,
        MetricName.ValLoss => EpochsTable.ValLoss,
        MetricName.ValR2 => EpochsTable.ValR2,
        MetricName.TrainLoss => EpochsTable.TrainLoss,
        MetricName.Steps => EpochsTable.Step,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    private string SweepIs => $"{dialect.Quote(TrialsTable.Sweep)} = @sweep";

    /// <summary>" AND ..." for every filter asked for, and how to bind its parameters.</summary>
    private (string Where, Action<DbCommand> Bind) Filters(TrialPageQuery query, TrialPageColumnSet columns,
        (RunColumn Column, double? Min, double? Max)? range)
    {
        var where = new List<string>();
        var binds = new List<Action<DbCommand>>();
        if (!query.Statuses.IsDefaultOrEmpty)
        {
            var statuses = query.Statuses.Distinct().ToArray();
            where.Add($"{dialect.Quote(TrialsTable.Status)} IN ({string.Join(", ", statuses.Select((_, i) => $"@status{i}"))})");
            binds.Add(command =>
            {
                for (var i = 0; i < statuses.Length; i++) dialect.Add(command, $"@status{i}", ColumnType.Text, SpecNames.Of(statuses[i]));
            });
        }
        if (!string.IsNullOrEmpty(query.Text))
        {
            var matches = columns.Hyperparameters.Where(c => c.Type == RunValueType.Text)
                .Select(c => $"{dialect.Quote(c.Name)} {dialect.CaseInsensitiveLike} @text ESCAPE '{LikeEscape}'").ToArray();
            where.Add(matches.Length == 0 ? "1 = 0" : $"({string.Join(" OR ", matches)})");
            var pattern = $"%{EscapeLike(query.Text)}%";
            binds.Add(command => dialect.Add(command, "@text", ColumnType.Text, pattern));
        }
        if (range is { } r)
        {
            var column = dialect.Quote(r.Column.Name);
            if (r.Min is { } min)
            {
                where.Add($"{column} >= @min");
                binds.Add(command => dialect.Add(command, "@min", ColumnType.Real, min));
            }
            if (r.Max is { } max)
            {
                where.Add($"{column} <= @max");
                binds.Add(command => dialect.Add(command, "@max", ColumnType.Real, max));
            }
            if (r.Min is null && r.Max is null) where.Add($"{column} IS NOT NULL");
        }
        return (string.Concat(where.Select(w => " AND " + w)), command => binds.ForEach(bind => bind(command)));
    }

    /// <summary>The ORDER BY list (qualified by <c>alias</c> when given): missing values last, then the column, then the trial index.</summary>
    private Func<string?, string> OrderBy(string column, SortOrder order) => alias =>
    {
        var prefix = alias is null ? "" : alias + ".";
        var sorted = prefix + dialect.Quote(column);
        var direction = order == SortOrder.Descending ? "DESC" : "ASC";
        var trial = $"{prefix}{dialect.Quote(TrialsTable.Trial)} ASC";
        if (column == TrialsTable.Trial) return $"{sorted} {direction}"; // the primary key's order: no sort at all
        return NeverNull.Contains(column) ? $"{sorted} {direction}, {trial}" : $"CASE WHEN {sorted} IS NULL THEN 1 ELSE 0 END, {sorted} {direction}, {trial}";
    };

    private async Task<int> CountAsync(DbConnection connection, string sweep, string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, $"SELECT COUNT(*) FROM {dialect.Quote(TrialsTable.Name)} WHERE {SweepIs}{where}");
        dialect.Add(command, "@sweep", ColumnType.Text, sweep);
        bind(command);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static TrialPageRow Read(DbDataReader reader, IReadOnlyList<RunColumn> hyperparameters)
    {
        var cells = new object?[hyperparameters.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var ordinal = RowColumns.Count + i;
            cells[i] = reader.IsDBNull(ordinal) ? null : Cell(reader.GetValue(ordinal), hyperparameters[i].Type);
        }
        var latestEpoch = RowColumns.Count + cells.Length;
        return new TrialPageRow(
            checked((int)reader.GetInt64(0)),
            checked((int)reader.GetInt64(1)),
            reader.GetInt64(2),
            SpecNames.Parse<TrialStatus>(reader.GetString(3)),
            NullableDouble(reader, 4),
            NullableDouble(reader, 5),
            checked((int)reader.GetInt64(6)),
            NullableDouble(reader, 7),
            reader.IsDBNull(latestEpoch) ? null : checked((int)reader.GetInt64(latestEpoch)),
            NullableDouble(reader, latestEpoch + 1),
            cells);
    }

    private static object Cell(object value, RunValueType type) => type switch
    {
        RunValueType.Text => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        RunValueType.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        RunValueType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static double? NullableDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static string EscapeLike(string text) =>
        text.Replace($"{LikeEscape}", $"{LikeEscape}{LikeEscape}", StringComparison.Ordinal)
            .Replace("%", $"{LikeEscape}%", StringComparison.Ordinal)
            .Replace("_", $"{LikeEscape}_", StringComparison.Ordinal);
}
