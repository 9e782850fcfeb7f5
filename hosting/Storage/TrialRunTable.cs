// The trials run table: one row per trial with the store's columns in the store's words — trial, combination, seed,
// status, then the sweep's own hyperparameter columns typed as stored ("learning_rate.schedule" text,
// "learning_rate.initial" real, "batch_size.initial" integer), then the results, and when the trial finished as ISO-8601
// UTC text (pandas: parse_dates). A pure function of the rows read.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Core.Reports;
using SweepCluster.Store;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Hosting.Storage;

/// <summary>Builds the trials <see cref="RunTable"/> from trials-table rows.</summary>
public static class TrialRunTable
{
    private static readonly IReadOnlyList<(RunColumn Column, Func<TrialRow, object?> Cell)> Identity =
    [
        (new(TrialColumns.Trial, RunValueType.Integer), row => (long)row.Trial),
        (new(TrialColumns.Combination, RunValueType.Integer), row => (long)row.Combination),
        (new(TrialColumns.Seed, RunValueType.Integer), row => row.Seed),
        (new(TrialColumns.Status, RunValueType.Text), row => SpecNames.Of(row.Status)),
    ];

    private static readonly IReadOnlyList<(RunColumn Column, Func<TrialRow, object?> Cell)> Results =
    [
        (new(TrialColumns.FinalMetric, RunValueType.Real), row => Real(row.FinalMetric)),
        (new(TrialColumns.BestMetric, RunValueType.Real), row => Real(row.BestMetric)),
        (new(TrialColumns.BestEpoch, RunValueType.Integer), row => (long?)row.BestEpoch),
        (new(TrialColumns.EpochsRun, RunValueType.Integer), row => (long)row.EpochsRun),
        (new(TrialColumns.WallSeconds, RunValueType.Real), row => Real(row.WallSeconds)),
        (new(TrialColumns.Silo, RunValueType.Text), row => row.Silo),
        (new(TrialColumns.Attempts, RunValueType.Integer), row => (long)row.Attempts),
        (new(TrialColumns.PrunedAtEpoch, RunValueType.Integer), row => (long?)row.PrunedAtEpoch),
        (new(TrialColumns.PbtDonor, RunValueType.Integer), row => (long?)row.PbtDonor),
        (new(TrialColumns.Finished, RunValueType.Text), row => row.Finished is { } finished ? IsoInstant.Of(finished) : null),
    ];

    /// <summary>The table of <paramref name="trials"/>, with one column per entry of <paramref name="hyperparameters"/>
    /// (the sweep's columns in the order it wrote them; a trial without a value there gets null).</summary>
    public static RunTable Build(IReadOnlyList<HyperparameterColumn> hyperparameters, IReadOnlyList<TrialRow> trials)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        ArgumentNullException.ThrowIfNull(trials);
        var columns = Identity.Select(c => c.Column)
            .Concat(hyperparameters.Select(h => new RunColumn(h.Name, TypeOf(h.Type))))
            .Concat(Results.Select(c => c.Column))
            .ToArray();
        var rows = new IReadOnlyList<object?>[trials.Count];
        for (var t = 0; t < rows.Length; t++) rows[t] = Row(trials[t], hyperparameters, columns.Length);
        return new RunTable(columns, rows);
    }

    /// <summary>One trial's cells, in the table's column order (a plain loop: a 100,000-trial table is built on every report).</summary>
    private static object?[] Row(TrialRow trial, IReadOnlyList<HyperparameterColumn> hyperparameters, int width)
    {
        var cells = new object?[width];
        var at = 0;
        foreach (var (_, cell) in Identity) cells[at++] = cell(trial);
        foreach (var hyperparameter in hyperparameters) cells[at++] = ValueOf(trial, hyperparameter.Name);
        foreach (var (_, cell) in Results) cells[at++] = cell(trial);
        return cells;
    }

    private static RunValueType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Text => RunValueType.Text,
        ColumnType.Real => RunValueType.Real,
        ColumnType.Integer => RunValueType.Integer,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "hyperparameter columns are text, real or integer"),
    };

    private static object? ValueOf(TrialRow trial, string column)
    {
        foreach (var value in trial.Hyperparameters)
        {
            if (value.Column == column) return value.Value;
        }
        return null;
    }

    private static object? Real(double? value) => value is { } v && !double.IsNaN(v) ? v : null;
}
