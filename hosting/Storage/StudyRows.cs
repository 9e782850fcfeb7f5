// A trial's row in the study tables from what the coordinator knows: its summary (status, results, attempts, silos,
// PBT exploits) and its spec (the searcher's, or the one PBT made), flattened into hyperparameter columns: the three
// schedules always, then every other field the sweep searches (optimizer.type, model.hidden, epochs, ...).
using SweepCluster.Coordination;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Hosting.Storage;

/// <summary>Study-table rows of the coordinator's records.</summary>
public static class StudyRows
{
    /// <summary>The trials-table row of <paramref name="trial"/>.</summary>
    /// <exception cref="ArgumentException">A hyperparameter that the store cannot hold (a fractional batch size).</exception>
    public static TrialRow Trial(string sweepId, SweepPlan plan, TrialSummary trial)
    {
        var spec = trial.SpecOverride ?? plan.SearcherSpec(trial.Index);
        return new TrialRow(sweepId, trial.Index, plan.Spec.CombinationOf(trial.Index), spec.Seed, trial.Status)
        {
            // A TPE combination not suggested yet has no values: its row has none until it is.
            Hyperparameters = plan.IsSuggested(trial.Index) ? HyperparameterColumns.Of(spec, SearchedPaths(plan)) : [],
            FinalMetric = trial.LastMetric,
            BestMetric = trial.BestMetric,
            BestEpoch = trial.BestEpoch,
            EpochsRun = trial.EpochsDone,
            WallSeconds = trial.Attempt > 0 ? trial.WallSeconds : null,
            Silo = trial.Silos.IsDefaultOrEmpty ? null : trial.Silos[^1],
            Attempts = trial.Attempt,
            PrunedAtEpoch = trial.Status == TrialStatus.Pruned ? trial.StoppedAtEpoch : null,
            PbtDonor = trial.Exploits.IsDefaultOrEmpty ? null : trial.Exploits[^1].Donor,
            TestMetric = trial.Test?.Metric,
            Finished = trial.FinishedAt,
        };
    }

    /// <summary>The schedules, then the sweep's searched field paths in file order (paths inside a schedule, and paths
    /// that name no trial field such as seeds, add nothing).</summary>
    private static IEnumerable<string> SearchedPaths(SweepPlan plan) =>
        HyperparameterColumns.ScheduleAxes.Concat(plan.Spec.Axes.Select(axis => axis.Path));
}
