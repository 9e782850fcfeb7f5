// The rule that makes a TPE sweep's suggestions the same whatever the cluster: combination k is suggested from the
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
// Pure: it reads the plan and the trials and changes nothing.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Coordination;

internal static class SuggestionVisibility
{
    /// <summary>Whether every trial of <paramref name="combination"/> has settled (see the file header).</summary>
    public static bool Settled(SweepPlan plan, IReadOnlyList<TrialSummary> trials, int combination) =>
        plan.TrialsOf(combination).All(index => trials[index].Status is TrialStatus.Paused || trials[index].Status.IsTerminal());

    /// <summary>The combinations that must have settled before <paramref name="combination"/> is suggested: 0..this−1.</summary>
    public static int MustSettle(int combination, int window) => combination - window + 1;

    /// <summary>What suggestion <paramref name="combination"/> sees: the visible results and the pending combinations.</summary>
    public static (IReadOnlyList<TpeObservation> Visible, IReadOnlyList<TpeObservation> Pending) For(SweepPlan plan,
        IReadOnlyList<TrialSummary> trials, int combination, int window)
    {
        var firstPending = Math.Max(0, MustSettle(combination, window));
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
