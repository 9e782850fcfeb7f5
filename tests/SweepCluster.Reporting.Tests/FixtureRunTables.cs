// The run tables of a synthetic sweep, as the study store would hand them out: a trials table with the store's
// column names (the searched schedules' family and initial value as hyperparameter columns) and a history table with
// one row per trial and epoch. Ended trials finish one second apart in the order of their epochs run, then their index
// (pruned trials first, as in a real successive-halving sweep). For the HTML report's per-trial charts; it does not read a store.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;

namespace SweepCluster.Reporting.Tests;

internal static class FixtureRunTables
{
    private static readonly IReadOnlyList<(string Axis, Func<TrialSpec, ScheduleSpec> Read, RunValueType Type)> Schedules =
    [
        ("learning_rate", s => s.LearningRate, RunValueType.Real),
        ("weight_decay", s => s.WeightDecay, RunValueType.Real),
        ("batch_size", s => s.BatchSize, RunValueType.Integer),
    ];

    /// <summary>The run tables of <paramref name="input"/>: a column pair for each searched schedule.</summary>
    public static SweepRunTables From(SweepReportInput input)
    {
        var searched = input.Trials.SelectMany(t => t.Axes.Select(a => a.Key.Split('.')[0])).ToHashSet(StringComparer.Ordinal);
        var schedules = Schedules.Where(s => searched.Contains(s.Axis)).ToArray();
        RunColumn[] columns =
        [
            new("trial", RunValueType.Integer), new("combination", RunValueType.Integer), new("seed", RunValueType.Integer),
            new("status", RunValueType.Text),
            .. schedules.SelectMany(s => new RunColumn[] { new($"{s.Axis}.schedule", RunValueType.Text), new($"{s.Axis}.initial", s.Type) }),
            new("final_metric", RunValueType.Real), new("best_metric", RunValueType.Real), new("epochs_run", RunValueType.Integer),
            new("pruned_at_epoch", RunValueType.Integer), new("finished", RunValueType.Text),
        ];
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var finishOrder = input.Results.Where(r => r.Status.IsTerminal()).OrderBy(r => r.History.Count).ThenBy(r => r.Index)
            .Select((r, i) => (r.Index, Finished: IsoInstant.Of(start.AddSeconds(i))))
            .ToDictionary(x => x.Index, x => x.Finished);
        var results = input.Results.ToDictionary(r => r.Index);
        var rows = input.Trials.OrderBy(t => t.Index).Select(trial =>
        {
            var result = results.GetValueOrDefault(trial.Index);
            var status = result?.Status ?? TrialStatus.Pending;
            var history = result?.History ?? [];
            var final = status == TrialStatus.Completed ? result!.Metric ?? (history.Count > 0 ? input.Metric.ValueOf(history[^1]) : null) : null;
            return (IReadOnlyList<object?>)
            [
                (long)trial.Index, (long)trial.Combination, trial.Seed, SpecNames.Of(status),
                .. schedules.SelectMany(s => new object?[]
                {
                    SpecNames.Of(s.Read(trial.Spec).Family),
                    s.Type == RunValueType.Integer ? (object)(long)s.Read(trial.Spec).Initial : s.Read(trial.Spec).Initial,
                }),
                final, final, (long)history.Count,
                status == TrialStatus.Pruned ? (long?)(result!.StoppedAtEpoch ?? history.Count) : null,
                finishOrder.GetValueOrDefault(trial.Index),
            ];
        }).ToArray();
        RunColumn[] historyColumns =
        [
            new("trial", RunValueType.Integer), new("epoch", RunValueType.Integer), new("step", RunValueType.Integer),
            new("train_loss", RunValueType.Real), new("val_loss", RunValueType.Real), new("val_metric", RunValueType.Real),
            new("learning_rate", RunValueType.Real), new("weight_decay", RunValueType.Real), new("batch_size", RunValueType.Integer),
        ];
        var historyRows = input.Results.OrderBy(r => r.Index).SelectMany(r => r.History.Select(e => (IReadOnlyList<object?>)
        [
            (long)r.Index, (long)e.Epoch, e.Step, e.TrainLoss, e.ValLoss, e.ValMetric, e.LearningRate, e.WeightDecay, (long)e.BatchSize,
        ])).ToArray();
        return new SweepRunTables(new RunTable(columns, rows), new RunTable(historyColumns, historyRows));
    }
}
