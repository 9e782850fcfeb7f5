// The ranked report's input from the coordinator's summaries: one TrialResult per trial, without histories (they stay
// with the trials). The learning curves need the histories of a handful of trials, and the applied-schedule chart their
// per-step applied values: the host fetches those and hands them to WithCurveHistories.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Coordination;

public static class SweepReportSource
{
    /// <summary>The report's input as the machine stands now.</summary>
    public static SweepReportInput Input(string sweepId, SweepMachine machine)
    {
        var plan = machine.Plan;
        // A TPE combination not suggested yet has no values: its trials are left out until it is.
        var configurations = Enumerable.Range(0, plan.TotalTrials).Select(i => plan.IsSuggested(i) ? plan.Configuration(i) : null).ToArray();
        var results = machine.Trials.Where(t => configurations[t.Index] is not null).Select(t => new TrialResult(t.Index,
            configurations[t.Index]!.Combination, configurations[t.Index]!.Seed, t.Status, [], t.LastMetric, t.Error, t.Silos, t.WallSeconds, t.Attempt, t.StopReason, t.StoppedAtEpoch,
            t.Exploits.Select(e => e.ToEvent()).ToArray(), t.EpochsDone, t.Test, t.Objectives is { } objectives ? [.. objectives] : null)).ToArray();
        return new SweepReportInput(sweepId, machine.Name, machine.Status, plan.Spec.Metric, configurations.OfType<TrialConfiguration>().ToArray(),
            results, machine.CreatedAt, machine.FinishedAt, plan.Spec.Strategy, plan.Spec.IsMultiObjective ? plan.Spec.Objectives : null);
    }

    /// <summary>The trials whose histories the report plots.</summary>
    public static IReadOnlyList<int> CurveTrials(SweepReport report) => report.TopCurves.Select(c => c.Index).Distinct().ToArray();

    /// <summary>
    /// The report with the plotted trials' histories filled in, and their per-step applied schedules where
    /// <paramref name="applied"/> has them (AppliedStepsReader reads them from a trial's last checkpoint).
    /// </summary>
    public static SweepReport WithCurveHistories(SweepReport report, IReadOnlyDictionary<int, IReadOnlyList<EpochRecord>> histories,
        IReadOnlyDictionary<int, AppliedSteps>? applied = null)
    {
        RankedTrial Filled(RankedTrial curve)
        {
            var filled = histories.TryGetValue(curve.Index, out var history) ? curve with { History = history } : curve;
            return applied is not null && applied.TryGetValue(curve.Index, out var steps) ? filled with { Applied = steps } : filled;
        }
        var curves = report.TopCurves.Select(Filled).ToArray();
        return report with { TopCurves = curves, TopCombination = report.TopCombination is { } best ? Filled(best) : null };
    }
}
