// The rule that makes a model-based sweep's suggestions the same whatever the cluster: each searcher states which
// combinations must have settled before combination k is suggested (IModelSearcher.MustSettleBefore), and k sees only
// their results, never those of combinations that happen to have finished since.
// TPE: combination k is suggested from the
// results of combinations 0..k−W (W = the spec's window) and sees the W−1 combinations before it as pending,
// whether or not they have finished by then, and it is not suggested before every one of 0..k−W has settled. So
// what a suggestion sees is fixed by its index and the results, never by how many silos or slots there are or the
// order results arrive in; the price is that at most W combinations (times the seeds) train at once (W = 1: one
// after the other, each seeing every result before it).
// A combination settles when each of its trials has ended (completed, pruned, diverged, failed, or cancelled: while a
// sweep is cancelled nothing is suggested, and a resume queues its cancelled trials again before anything is; a trial
// cancelled for good is no result) or waits paused at a scheduler's rung. Its observation joins its seeds:
// their mean final metric as a score (negated when the goal is to maximise: TPE minimises), completed when every
// scored seed completed, else pruned at the fewest epochs a scored seed ran; a diverged seed makes it the worst
// completed result (+∞), and a combination whose seeds all failed or were cancelled is no observation (as in Optuna).
// NSGA-II: combination k of generation g = ⌊k/P⌋ sees the combinations of generations < g, 0..g·P−1 (P the population
// size). Only completed results are NSGA-II observations (its parents need final objective vectors, as Optuna's use
// COMPLETE trials only): a combination's vector is each objective's mean over its completed seeds whose values are all
// finite; a combination with a diverged seed, or with no such completed seed (all pruned, paused, failed or cancelled,
// or a value missing), is no observation.
// Pure: it reads the plan and the trials and changes nothing.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using System.Collections.Immutable;
using SweepCluster.Tuning.Search.MultiObjective;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Coordination;

internal static class SuggestionVisibility
{
    /// <summary>Whether every trial of <paramref name="combination"/> has settled (see the file header).</summary>
    public static bool Settled(SweepPlan plan, IReadOnlyList<TrialSummary> trials, int combination) =>
        plan.TrialsOf(combination).All(index => trials[index].Status is TrialStatus.Paused || trials[index].Status.IsTerminal());

    /// <summary>What TPE's suggestion <paramref name="combination"/> sees: the visible results (combinations
    /// 0..<paramref name="mustSettle"/>−1) and the pending combinations (the rest before it).</summary>
    public static (IReadOnlyList<TpeObservation> Visible, IReadOnlyList<TpeObservation> Pending) For(SweepPlan plan,
        IReadOnlyList<TrialSummary> trials, int combination, int mustSettle)
    {
        var firstPending = Math.Clamp(mustSettle, 0, combination);
        var visible = new List<TpeObservation>();
        for (var seen = 0; seen < firstPending; seen++)
        {
            if (Observe(plan, trials, seen) is { } observation) visible.Add(observation);
        }
        var pending = Enumerable.Range(firstPending, combination - firstPending)
            .Select(index => TpeObservation.Pending(index, plan.Suggestions[index].ToDictionary()))
            .ToArray();
        return (visible, pending);
    }

    /// <summary>NSGA-II's observations: the settled combinations 0..<paramref name="mustSettle"/>−1 that have an objective vector.</summary>
    public static IReadOnlyList<NsgaIIObservation> Completed(SweepPlan plan, IReadOnlyList<TrialSummary> trials, int mustSettle)
    {
        var completed = new List<NsgaIIObservation>();
        for (var seen = 0; seen < mustSettle; seen++)
        {
            if (ObserveObjectives(plan, trials, seen) is { } observation) completed.Add(observation);
        }
        return completed;
    }

    /// <summary>NSGA-II's observation of a settled <paramref name="combination"/>: its objective means over its completed
    /// seeds; null when it has a diverged seed or no completed seed with every value finite (see the file header).</summary>
    public static NsgaIIObservation? ObserveObjectives(SweepPlan plan, IReadOnlyList<TrialSummary> trials, int combination)
    {
        var objectives = plan.Spec.Objectives.Count;
        var seeds = plan.TrialsOf(combination).Select(index => trials[index]).ToArray();
        if (seeds.Any(t => t.Status == TrialStatus.Diverged)) return null;
        var vectors = seeds
            .Where(t => t.Status == TrialStatus.Completed)
            .Select(t => t.Objectives)
            .OfType<ImmutableArray<double>>()
            .Where(v => v.Length == objectives && v.All(double.IsFinite))
            .ToArray();
        if (vectors.Length == 0) return null;
        var means = Enumerable.Range(0, objectives).Select(j => vectors.Average(v => v[j]));
        return new NsgaIIObservation(combination, plan.Suggestions[combination].ToDictionary(), new ObjectiveVector(means));
    }

    /// <summary>The observation of a settled <paramref name="combination"/>; null when none of its seeds has a result.</summary>
    public static TpeObservation? Observe(SweepPlan plan, IReadOnlyList<TrialSummary> trials, int combination)
    {
        var values = plan.Suggestions[combination].ToDictionary();
        var seeds = plan.TrialsOf(combination).Select(index => trials[index]).ToArray();
        if (seeds.Any(t => t.Status == TrialStatus.Diverged)) return new TpeObservation(combination, values, TpeTrialState.Completed, double.PositiveInfinity);
        var scored = seeds.Where(t => t.Status is TrialStatus.Completed or TrialStatus.Pruned or TrialStatus.Paused && t.LastMetric is { } m && double.IsFinite(m)).ToArray();
        if (scored.Length == 0) return null;
        var sign = plan.Spec.Metric.Goal == MetricGoal.Maximize ? -1.0 : 1.0;
        var score = sign * scored.Average(t => t.LastMetric!.Value);
        return scored.All(t => t.Status == TrialStatus.Completed)
            ? new TpeObservation(combination, values, TpeTrialState.Completed, score)
            : new TpeObservation(combination, values, TpeTrialState.Pruned, score, scored.Min(t => t.EpochsDone));
    }
}
