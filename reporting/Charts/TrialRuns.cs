// Reads a sweep's run tables (trials and history, as the study store hands them out) into one record per trial for
// the per-trial charts: status, searched hyperparameters, final metric, pruning epoch and the sweep metric per epoch.
// It reads columns by the store's names and skips what a table lacks; it draws nothing.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;

namespace SweepCluster.Reporting.Charts;

/// <summary>One trial as the per-trial charts see it.</summary>
/// <param name="Numeric">The trial's searched numeric hyperparameters, by column name.</param>
/// <param name="Families">The trial's searched schedule families, by column name ("learning_rate.schedule").</param>
/// <param name="Curve">The sweep metric at each epoch reported, in epoch order (epochs without a value left out).</param>
/// <param name="FinalMetric">The completed trial's final metric; null otherwise.</param>
/// <param name="PrunedAtEpoch">The epoch after which the trial scheduler stopped it; null when it did not.</param>
/// <param name="FinishedAt">When it reached its terminal status; null while it runs, or in a store that did not record it.</param>
internal sealed record TrialRun(int Index, TrialStatus Status, IReadOnlyDictionary<string, double> Numeric,
    IReadOnlyDictionary<string, string> Families, IReadOnlyList<(int Epoch, double Value)> Curve, double? FinalMetric,
    int? PrunedAtEpoch, DateTimeOffset? FinishedAt = null)
{
    /// <summary>The metric the trial is ranked by in the charts: its final metric, else the best value it reported.</summary>
    public double? RankingValue(MetricGoal goal) => FinalMetric ?? (Curve.Count == 0 ? null
        : goal == MetricGoal.Maximize ? Curve.Max(p => p.Value) : Curve.Min(p => p.Value));

    /// <summary>The metric at the epoch the trial was pruned (its last reported value when that epoch has none).</summary>
    public double? MetricAtPruning => PrunedAtEpoch is { } epoch && Curve.Count > 0
        ? Curve.LastOrDefault(p => p.Epoch <= epoch, Curve[^1]).Value
        : null;
}

/// <summary>The trials of a sweep's run tables, with the columns the charts read.</summary>
/// <param name="Trials">Every trial, by trial index.</param>
/// <param name="NumericColumns">The searched numeric hyperparameter columns, in table order.</param>
/// <param name="FamilyColumns">The searched schedule-family columns, in table order.</param>
internal sealed record TrialRuns(IReadOnlyList<TrialRun> Trials, IReadOnlyList<string> NumericColumns, IReadOnlyList<string> FamilyColumns)
{
    /// <summary>The suffix of a schedule-family column ("learning_rate.schedule").</summary>
    public const string FamilySuffix = ".schedule";

    private const string TrialColumn = TrialColumns.Trial;
    private const string EpochColumn = "epoch";

    /// <summary>Reads <paramref name="tables"/>; the curves hold <paramref name="metric"/> per epoch.</summary>
    public static TrialRuns Read(SweepRunTables tables, MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(metric);
        var trials = tables.Trials;
        var columns = trials.Columns.Select((c, i) => (c, i)).Where(x => !TrialColumns.All.Contains(x.c.Name)).ToArray();
        var numeric = columns.Where(x => x.c.Type != RunValueType.Text).ToArray();
        var families = columns.Where(x => x.c.Type == RunValueType.Text && x.c.Name.EndsWith(FamilySuffix, StringComparison.Ordinal)).ToArray();
        var curves = Curves(tables.History, metric);
        int? At(string name) => trials.Columns.Select((c, i) => (c, i)).Where(x => x.c.Name == name).Select(x => (int?)x.i).FirstOrDefault();
        var index = At(TrialColumn) ?? throw new ArgumentException($"the trials table has no '{TrialColumn}' column", nameof(tables));
        var status = At(TrialColumns.Status);
        var final = At(TrialColumns.FinalMetric);
        var pruned = At(TrialColumns.PrunedAtEpoch);
        var finished = At(TrialColumns.Finished);
        var runs = trials.Rows.Select(row =>
        {
            var trial = (int)(long)row[index]!;
            return new TrialRun(
                trial,
                status is { } s && row[s] is string text && SpecNames.TryParse<TrialStatus>(text, out var parsed) ? parsed : TrialStatus.Pending,
                numeric.Where(x => row[x.i] is not null).ToDictionary(x => x.c.Name, x => Convert.ToDouble(row[x.i], CultureInfo.InvariantCulture)),
                families.Where(x => row[x.i] is string).ToDictionary(x => x.c.Name, x => (string)row[x.i]!),
                curves.GetValueOrDefault(trial, []),
                final is { } f && row[f] is double value && double.IsFinite(value) ? value : null,
                pruned is { } p && row[p] is long epoch ? (int)epoch : null,
                finished is { } t && row[t] is string instant ? Instant(instant) : null);
        }).OrderBy(t => t.Index).ToArray();
        return new TrialRuns(runs, numeric.Select(x => x.c.Name).ToArray(), families.Select(x => x.c.Name).ToArray());
    }

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant : null;

    /// <summary>The metric per epoch of every trial of the history table.</summary>
    private static Dictionary<int, IReadOnlyList<(int Epoch, double Value)>> Curves(RunTable history, MetricSpec metric)
    {
        var at = history.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        double? Real(IReadOnlyList<object?> row, string name) => at.TryGetValue(name, out var i) && row[i] is double v ? v : null;
        long? Integer(IReadOnlyList<object?> row, string name) => at.TryGetValue(name, out var i) && row[i] is long v ? v : null;
        if (!at.ContainsKey(TrialColumn) || !at.ContainsKey(EpochColumn)) return [];
        return history.Rows
            .Select(row => (Trial: (int)Integer(row, TrialColumn)!.Value, Record: new EpochRecord(
                (int)Integer(row, EpochColumn)!.Value, Integer(row, "step") ?? 0, Real(row, "train_loss") ?? double.NaN,
                Real(row, "train_metric") ?? double.NaN, Real(row, "val_loss"), Real(row, "val_metric"), Real(row, "val_r2"),
                Real(row, "learning_rate") ?? double.NaN, Real(row, "weight_decay") ?? double.NaN, (int)(Integer(row, "batch_size") ?? 0))))
            .GroupBy(x => x.Trial)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, double)>)g
                .Select(x => (x.Record.Epoch, Value: metric.ValueOf(x.Record)))
                .Where(x => x.Value is { } v && double.IsFinite(v))
                .OrderBy(x => x.Epoch)
                .Select(x => (x.Epoch, x.Value!.Value))
                .ToArray());
    }
}
