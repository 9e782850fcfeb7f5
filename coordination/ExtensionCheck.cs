// Whether an extension can be applied to a sweep as it is planned now, and if not, the one-line reason naming the
// flag and what is valid. Pure: it reads the plan and the sweep's status and changes nothing.
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination;

internal static class ExtensionCheck
{
    /// <returns>Null when <paramref name="extension"/> can be applied; otherwise why not.</returns>
    public static string? Refusal(SweepPlan plan, SweepStatus status, string name, SweepExtension extension)
    {
        if (status == SweepStatus.Cancelled)
            return $"sweep {name} is cancelled: resume it first (`sweep resume`), then extend it";
        if (extension.IsEmpty) return "nothing to add: give --trials N (N ≥ 1) or --seeds S1,S2,…";
        if (extension.Combinations < 0) return $"--trials must be a whole number ≥ 1, not {extension.Combinations}";
        if (plan.Spec.Scheduler == SchedulerKind.Pbt)
            return $"sweep {name} uses PBT, whose population is fixed when it starts: it cannot be extended; submit a new sweep";
        // ASHA (and Hyperband, ASHA per bracket) settles its rungs when the sweep runs dry (paused trials are pruned, for
        // good): new results after that would put pruned trials in the top of a rung. While it runs, new trials simply
        // join the rungs.
        if (plan.Spec.Scheduler is SchedulerKind.Asha or SchedulerKind.Hyperband && status != SweepStatus.Running)
        {
            var (scheduler, article) = plan.Spec.Scheduler == SchedulerKind.Asha ? ("ASHA", "an") : ("Hyperband", "a");
            return $"sweep {name} uses {scheduler} and has finished: its rungs are settled (the paused trials were pruned), so new trials would be ranked against results that can no longer be promoted; extend {article} {scheduler} sweep while it runs, or submit a new sweep";
        }
        if (extension.Combinations > 0 && plan.Spec.Strategy == SearchStrategy.Grid)
            return $"--trials: sweep {name} is a grid search, which has no more combinations to draw; use --seeds to train its combinations with more seeds, or a random search";
        var seeds = extension.Seeds.IsDefault ? [] : extension.Seeds;
        if (seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice) return $"--seeds: seed {twice.Key} is given twice";
        var present = seeds.Where(plan.Seeds.Contains).ToArray();
        if (present.Length > 0)
            return $"--seeds: sweep {name} already has seed{(present.Length > 1 ? "s" : "")} {string.Join(", ", present)} (its seeds: {string.Join(", ", plan.Seeds)}); give seeds it does not have";
        var added = (long)plan.Combinations * seeds.Length + (long)extension.Combinations * (plan.Seeds.Length + seeds.Length);
        if (plan.TotalTrials + added > Math.Max(SweepLimits.MaxTrialsWithoutAllowLarge, plan.TotalTrials))
            return $"--trials/--seeds: the sweep would have {plan.TotalTrials + added:N0} trials, over the limit of {SweepLimits.MaxTrialsWithoutAllowLarge:N0}";
        return null;
    }
}
