// The trials run table: one row per trial with the store's columns in the store's words — trial, combination, seed,
// status, then the sweep's own hyperparameter columns typed as stored ("learning_rate.schedule" text,
// "learning_rate.initial" real, "batch_size.initial" integer), then the results. A pure function of the rows read.
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
        (new("trial", RunValueType.Integer), row => (long)row.Trial),
        (new("combination", RunValueType.Integer), row => (long)row.Combination),
        (new("seed", RunValueType.Integer), row => row.Seed),
        (new("status", RunValueType.Text), row => SpecNames.Of(row.Status)),
    ];

    private static readonly IReadOnlyList<(RunColumn Column, Func<TrialRow, object?> Cell)> Results =
    [
        (new("final_metric", RunValueType.Real), row => Real(row.FinalMetric)),
        (new("best_metric", RunValueType.Real), row => Real(row.BestMetric)),
        (new("best_epoch", RunValueType.Integer), row => (long?)row.BestEpoch),
        (new("epochs_run", RunValueType.Integer), row => (long)row.EpochsRun),
        (new("wall_seconds", RunValueType.Real), row => Real(row.WallSeconds)),
        (new("silo", RunValueType.Text), row => row.Silo),
        (new("attempts", RunValueType.Integer), row => (long)row.Attempts),
        (new("pruned_at_epoch", RunValueType.Integer), row => (long?)row.PrunedAtEpoch),
        (new("pbt_donor", RunValueType.Integer), row => (long?)row.PbtDonor),
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
