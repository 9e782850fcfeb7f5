// The simulated-time replay loop: N workers train proposed configurations epoch by epoch by looking their curves up
// in the table; each epoch costs its recorded steps of simulated time. A deterministic event loop: the same searcher,
// scheduler and seed give the same result.
using SweepCluster.Tabular.Space;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Tabular.Replay;

/// <summary>How a replay runs: workers, the epoch budget, and the seed that picks each trial's table seed.</summary>
/// <param name="Workers">Trials training at the same time.</param>
/// <param name="EpochBudget">Epochs over all trials after which the replay stops (running trials are cut there).</param>
/// <param name="Seed">Seeds the draw of each trial's table seed.</param>
public sealed record ReplayOptions(int Workers, long EpochBudget, int Seed);

/// <summary>Replays a searcher and a scheduler against one dataset of a table.</summary>
public static class TableReplay
{
    /// <exception cref="KeyNotFoundException">The searcher proposed a configuration the table does not hold.</exception>
    public static ReplayResult Run(DatasetTable table, ITableSearcher searcher, ITableScheduler scheduler, ReplayOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        var view = new ReplayView(table.Space, table.Metadata.Epochs);
        var seeds = new Random(options.Seed);
        var curve = new List<RegretPoint>();
        var incumbent = (Observed: double.NegativeInfinity, True: 0.0);
        var finished = 0;
        // Each busy worker's next epoch end, earliest first; ties go to the lower worker.
        var events = new PriorityQueue<(int Worker, ReplayTrial Trial), (double Time, int Worker)>();
        var exhausted = false;
        for (var worker = 0; worker < options.Workers; worker++) Start(worker);

        while (events.TryDequeue(out var next, out var at) && view.EpochsSpent < options.EpochBudget)
        {
            view.Now = at.Time;
            var trial = next.Trial;
            var recorded = table.Curve(trial.Configuration, trial.Seed);
            trial.Observe(recorded.Metric[trial.Epochs]);
            view.EpochsSpent++;
            var status = Status(trial, recorded, scheduler, view);
            if (status == ReplayTrialStatus.Running) { Schedule(next.Worker, trial); continue; }
            trial.Status = status;
            trial.Ended = view.Now;
            finished++;
            if (status != ReplayTrialStatus.Pruned && trial.Last!.Value > incumbent.Observed)
                incumbent = (trial.Last.Value, table.TrueFinal(trial.Configuration));
            curve.Add(new RegretPoint(finished, view.EpochsSpent, view.Now, table.BestTrueFinal - incumbent.True));
            Start(next.Worker);
        }
        return new ReplayResult(view.Trials, curve, table.BestTrueFinal);

        void Start(int worker)
        {
            if (exhausted || view.EpochsSpent >= options.EpochBudget) return;
            if (searcher.Propose(view) is not { } configuration) { exhausted = true; return; }
            var trial = new ReplayTrial(view.Trials.Count, configuration, table.Metadata.Seeds[seeds.Next(table.Metadata.Seeds.Count)], view.Now);
            view.Add(trial);
            Schedule(worker, trial);
        }

        void Schedule(int worker, ReplayTrial trial)
        {
            var cost = table.Curve(trial.Configuration, trial.Seed).Steps[trial.Epochs];
            events.Enqueue((worker, trial), (view.Now + cost, worker));
        }
    }

    private static ReplayTrialStatus Status(ReplayTrial trial, TableCurve recorded, ITableScheduler scheduler, ReplayView view)
    {
        if (recorded.End == CurveEnd.Diverged && trial.Epochs == recorded.Epochs) return ReplayTrialStatus.Diverged;
        if (trial.Epochs == view.MaxEpochs) return ReplayTrialStatus.Completed;
        return scheduler.OnEpoch(trial, view) == TrialDecision.Stop ? ReplayTrialStatus.Pruned : ReplayTrialStatus.Running;
    }
}
