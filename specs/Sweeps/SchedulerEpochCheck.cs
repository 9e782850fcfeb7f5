// A trial scheduler whose first decision comes at or after the trials' last epoch would never act, and the sweep would
// run as plain FIFO without a word: ASHA's and Hyperband's first rung (min_epochs), median stopping's grace period
// (grace_epochs) and PBT's interval must each be below the longest trial's epochs; and Hyperband cannot have more
// brackets than that trial has rungs plus one. Reported at the scheduler key, with what would work. Shorter trials
// are not checked here: a Hyperband trial with fewer rungs simply has fewer brackets (the scheduler caps them).

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
            SchedulerKind.Hyperband => (SweepKeys.MinEpochs, settings.MinEpochs, "Hyperband's first rung"),
            SchedulerKind.Median => (SweepKeys.GraceEpochs, settings.GraceEpochs, "the end of the grace period"),
            SchedulerKind.Pbt => (SweepKeys.Interval, settings.Interval, "PBT's first generation"),
            _ => (null, 0, null),
        };
        if (key is null) return;
        if (value >= epochs)
        {
            var instead = epochs > 1
                ? $"use at most {epochs - 1}, e.g. {Math.Max(1, epochs / 3)}"
                : "trials of one epoch leave a scheduler nothing to decide: train longer, or drop scheduler:";
            ctx.Error(SpecPath.Key(scheduler.Path, key), LineOf(entry, key),
                $"{value} is not below the trials' epochs (at most {epochs}): {what} would come after the last epoch and the " +
                $"scheduler would never act; {instead}");
            return;
        }
        if (settings.Kind == SchedulerKind.Hyperband) CheckBrackets(ctx, settings, scheduler.Path, entry, epochs);
    }

    private static void CheckBrackets(SpecBindContext ctx, SchedulerSettings settings, string path, SpecEntry entry, int epochs)
    {
        var most = settings.MostBrackets(epochs);
        if (settings.Brackets is not { } brackets || brackets <= most) return;
        var rungs = Enumerable.Range(0, most - 1).Select(k => settings.MinEpochs * (long)Math.Pow(settings.Eta, k));
        ctx.Error(SpecPath.Key(path, SweepKeys.Brackets), LineOf(entry, SweepKeys.Brackets),
            $"{brackets} is more than the trials' epochs allow: with min_epochs {settings.MinEpochs} and eta {settings.Eta}, a trial of " +
            $"at most {epochs} epochs has {most - 1} rung(s) (epoch {string.Join(", ", rungs)}), so at most {most} brackets (one per " +
            $"first rung, and one that trains in full); use 1 to {most}, or leave brackets out for all of them");
    }

    private static int LineOf(SpecEntry entry, string key) => (entry.Value as SpecMapping)?.Find(key)?.KeyLine ?? entry.KeyLine;
}
