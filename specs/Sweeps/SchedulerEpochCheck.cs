// A trial scheduler whose first decision comes at or after the trials' last epoch would never act, and the sweep would
// run as plain FIFO without a word: ASHA's first rung (min_epochs), median stopping's grace period (grace_epochs) and
// PBT's interval must each be below the longest trial's epochs. Reported at the scheduler key, with what would work.

namespace SweepCluster.Specs.Sweeps;

internal static class SchedulerEpochCheck
{
    /// <param name="scheduler">The <c>scheduler:</c> entry as written (for the setting's line) and its path, or a null entry.</param>
    /// <param name="maxEpochs">The most epochs any validated trial trains; null when no trial could be bound.</param>
    public static void Check(SpecBindContext ctx, SchedulerSettings settings, (SpecEntry? Entry, string Path) scheduler, int? maxEpochs)
    {
        if (maxEpochs is not { } epochs || scheduler.Entry is not { } entry) return;
        var (key, value, what) = settings.Kind switch
        {
            SchedulerKind.Asha => (SweepKeys.MinEpochs, settings.MinEpochs, "ASHA's first rung"),
            SchedulerKind.Median => (SweepKeys.GraceEpochs, settings.GraceEpochs, "the end of the grace period"),
            SchedulerKind.Pbt => (SweepKeys.Interval, settings.Interval, "PBT's first generation"),
            _ => (null, 0, null),
        };
        if (key is null || value < epochs) return;
        var line = (entry.Value as SpecMapping)?.Find(key)?.KeyLine ?? entry.KeyLine;
        var instead = epochs > 1
            ? $"use at most {epochs - 1}, e.g. {Math.Max(1, epochs / 3)}"
            : "trials of one epoch leave a scheduler nothing to decide: train longer, or drop scheduler:";
        ctx.Error(SpecPath.Key(scheduler.Path, key), line,
            $"{value} is not below the trials' epochs (at most {epochs}): {what} would come after the last epoch and the " +
            $"scheduler would never act; {instead}");
    }
}
