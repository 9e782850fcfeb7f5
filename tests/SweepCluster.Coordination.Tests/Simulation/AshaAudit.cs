// ASHA's decisions depend on the order results arrive in, by design, so a faulty run cannot be compared with a
// fault-free one. What is checked instead, from the scheduler's own saved state (its results and promotions per rung)
// after every step that can show it an epoch at a rung:
//   - every result it holds is the true metric of that trial at that rung (it was shown the right epoch);
//   - within one coordinator activation, results and promotions are never forgotten;
//   - every trial it promoted was in the top ⌊m/η⌋ of the m results it could have held at that moment (the results
//     before the step, the trial's own, and any of the step's new results worse than it: the most favourable set,
//     so this never fails a promotion that ASHA's rule allowed);
// and at the end:
//   - every trial that trained epoch r of a rung is in that rung's results (no arrival was lost to a restart);
//   - every trial that trained past a rung was promoted there (nothing ran on without its scheduler's consent);
//   - every rung's final top ⌊n/η⌋ was promoted (ASHA's guarantee once nothing runs), but for trials that failed,
//     diverged or were cancelled there;
//   - a pruned trial stopped at a rung where it was not promoted, a completed one was promoted at every rung.
// Under Pareto promotion (a multi-objective sweep) "top ⌊m/η⌋" is what ParetoRungRanking keeps of the m results, the
// objective vectors it holds must be the trials' true ones, and a promotion must have been allowed by some order in
// which the step's new results could have arrived.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class AshaAudit(World world)
{
    private readonly int _eta = world.Plan.Spec.SchedulerSettings.Eta;
    private readonly int _minEpochs = world.Plan.Spec.SchedulerSettings.MinEpochs;
    private readonly bool _maximize = world.Plan.Spec.Metric.Goal == MetricGoal.Maximize;
    private readonly ParetoRungRanking? _pareto = TrialSchedulerFactory.ParetoRankingOf(world.Plan.Spec);

    /// <summary>The most new results of one step whose arrival orders a Pareto promotion is checked against (2^n subsets).</summary>
    private const int MostOrderedArrivals = 8;
    private AshaView _last = new();

    public void Reset(SweepMachine machine) => _last = AshaView.Of(machine);

    public void AfterStep(SweepMachine machine, SweepEvent @event)
    {
        if (@event is not (DecisionAsked or TrialsReconciled)) return; // the only events that show it a rung's epoch
        var now = AshaView.Of(machine);
        foreach (var (rung, results) in now.Results)
        {
            var before = _last.Results.GetValueOrDefault(rung) ?? [];
            foreach (var (trial, metric) in results)
                if (metric != TrueMetric(trial, RungEpoch(rung)))
                    world.Violation($"ASHA holds {metric} for trial {trial} at rung {rung}; its metric there is {TrueMetric(trial, RungEpoch(rung))}");
            foreach (var trial in before.Keys)
                if (!results.ContainsKey(trial)) world.Violation($"ASHA forgot trial {trial}'s result at rung {rung}");
            var promotedBefore = _last.Promoted.GetValueOrDefault(rung) ?? [];
            var promoted = now.Promoted.GetValueOrDefault(rung) ?? [];
            foreach (var trial in promotedBefore)
                if (!promoted.Contains(trial)) world.Violation($"ASHA forgot trial {trial}'s promotion at rung {rung}");
            if (_pareto is not null) CheckVectors(rung, now.Vectors.GetValueOrDefault(rung) ?? []);
            foreach (var trial in promoted.Except(promotedBefore))
            {
                if (_pareto is null) CheckPromotion(rung, trial, before, results);
                else CheckParetoPromotion(rung, trial, _last.Vectors.GetValueOrDefault(rung) ?? [], now.Vectors.GetValueOrDefault(rung) ?? []);
            }
        }
        _last = now;
    }

    private void CheckPromotion(int rung, int trial, Dictionary<int, double> before, Dictionary<int, double> after)
    {
        var mine = after[trial];
        var possible = before.Keys.Append(trial).Concat(after.Keys.Where(t => !before.ContainsKey(t) && Better(trial, mine, t, after[t])))
            .Distinct().ToArray();
        var ahead = possible.Count(t => t != trial && Better(t, after[t], trial, mine));
        if (ahead >= possible.Length / _eta)
            world.Violation($"ASHA promoted trial {trial} at rung {rung} with {ahead} of at most {possible.Length} results ahead of it (η {_eta})");
    }

    private void CheckVectors(int rung, Dictionary<int, ImmutableArray<double>> vectors)
    {
        foreach (var (trial, vector) in vectors)
        {
            var truth = _pareto!.VectorOf(world.Nature.Record(trial, RungEpoch(rung), world.SearcherSpecHash(trial)), world.Plan.EpochsOf(trial));
            if (!vector.SequenceEqual(truth))
                world.Violation($"ASHA holds ({string.Join(", ", vector)}) for trial {trial} at rung {rung}; its objectives there are ({string.Join(", ", truth)})");
        }
    }

    // Some order of the step's new results let the trial be promoted: with the results before the step and some of
    // the new ones in (its own among them unless it was already waiting), Pareto promotion kept it.
    private void CheckParetoPromotion(int rung, int trial, Dictionary<int, ImmutableArray<double>> before, Dictionary<int, ImmutableArray<double>> after)
    {
        var arrived = after.Keys.Where(t => !before.ContainsKey(t)).Order().ToArray();
        if (arrived.Length > MostOrderedArrivals) return;
        for (var mask = 0; mask < 1 << arrived.Length; mask++)
        {
            var seen = new Dictionary<int, ImmutableArray<double>>(before);
            for (var i = 0; i < arrived.Length; i++)
                if ((mask & (1 << i)) != 0) seen[arrived[i]] = after[arrived[i]];
            if (seen.ContainsKey(trial) && _pareto!.Promotable(seen, _eta).Contains(trial)) return;
        }
        world.Violation($"ASHA promoted trial {trial} at rung {rung}, which no arrival order of the step's {arrived.Length} new result(s) allowed");
    }

    public void AtEnd(SweepMachine machine)
    {
        var final = AshaView.Of(machine);
        var rungs = Enumerable.Range(0, 32).Select(RungEpoch).TakeWhile(e => e > 0 && e < world.Plan.EpochsOf(0)).ToArray();
        foreach (var grain in world.Trials.Take(machine.Trials.Count)) // the world's extension may have been refused
        {
            var summary = machine.Trials[grain.Index];
            for (var rung = 0; rung < rungs.Length; rung++)
            {
                var results = final.Results.GetValueOrDefault(rung) ?? [];
                var promoted = final.Promoted.GetValueOrDefault(rung) ?? [];
                if (grain.MostEpochsTrained >= rungs[rung] && !results.ContainsKey(grain.Index) && summary.Status != TrialStatus.Cancelled)
                    world.Violation($"trial {grain.Index} reached rung {rung} (epoch {rungs[rung]}) and ASHA never heard of it");
                if (grain.MostEpochsTrained > rungs[rung] && !promoted.Contains(grain.Index))
                    world.Violation($"trial {grain.Index} trained past rung {rung} (epoch {rungs[rung]}) without a promotion");
                if (summary.Status == TrialStatus.Completed && !promoted.Contains(grain.Index))
                    world.Violation($"trial {grain.Index} completed without a promotion at rung {rung}");
                if (summary.Status == TrialStatus.Pruned && summary.StoppedAtEpoch == rungs[rung] && promoted.Contains(grain.Index))
                    world.Violation($"trial {grain.Index} was pruned at rung {rung}, where it was promoted");
            }
            if (summary.Status == TrialStatus.Pruned && (!rungs.Contains(summary.StoppedAtEpoch ?? -1) || summary.EpochsDone != summary.StoppedAtEpoch))
                world.Violation($"trial {grain.Index} was pruned after epoch {summary.StoppedAtEpoch} with {summary.EpochsDone} epochs, not at a rung");
        }
        if (machine.Status == SweepStatus.Cancelled) return;
        foreach (var (rung, results) in final.Results)
        {
            var promoted = final.Promoted.GetValueOrDefault(rung) ?? [];
            var kept = _pareto?.Promotable(final.Vectors.GetValueOrDefault(rung) ?? [], _eta);
            foreach (var (trial, metric) in results)
            {
                // A trial that ended by itself (failed, diverged) or was cancelled is no candidate any more.
                if (machine.Trials[trial].Status is not (TrialStatus.Completed or TrialStatus.Pruned)) continue;
                if (kept is not null)
                {
                    if (kept.Contains(trial) && !promoted.Contains(trial))
                        world.Violation($"trial {trial} is among the {kept.Count} that Pareto promotion keeps of rung {rung}'s {results.Count} results and was never promoted");
                    continue;
                }
                var ahead = results.Count(r => r.Key != trial && Better(r.Key, r.Value, trial, metric));
                if (ahead < results.Count / _eta && !promoted.Contains(trial))
                    world.Violation($"trial {trial} is in the top {results.Count / _eta} of rung {rung}'s {results.Count} results and was never promoted");
            }
        }
    }

    private int RungEpoch(int rung) => (int)Math.Min(int.MaxValue, _minEpochs * Math.Pow(_eta, rung));

    private double TrueMetric(int trial, int epoch) =>
        world.Nature.Record(trial, epoch, world.SearcherSpecHash(trial)).ValMetric!.Value;

    // The schedulers' order: by metric, ties to the lower trial index.
    private bool Better(int trial, double metric, int other, double otherMetric) =>
        metric != otherMetric ? (_maximize ? metric > otherMetric : metric < otherMetric) : trial < other;

    /// <summary>The parts of AshaScheduler's saved state audited here (its AshaSnapshot: per rung, trial → metric and promoted trials).</summary>
    private sealed class AshaView
    {
        public Dictionary<int, Dictionary<int, double>> Results { get; init; } = [];
        public Dictionary<int, HashSet<int>> Promoted { get; init; } = [];
        public Dictionary<int, Dictionary<int, ImmutableArray<double>>> Vectors { get; init; } = [];

        public static AshaView Of(SweepMachine machine) =>
            machine.State.Scheduler is AshaSnapshot asha
                ? new AshaView
                {
                    Results = asha.Results.ToDictionary(r => r.Key, r => r.Value.ToDictionary()),
                    Promoted = asha.Promoted.ToDictionary(p => p.Key, p => p.Value.ToHashSet()),
                    Vectors = asha.Vectors?.ToDictionary(v => v.Key, v => v.Value.ToDictionary()) ?? [],
                }
                : new AshaView();
    }
}
