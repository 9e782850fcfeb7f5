// How a scheduler takes back its saved state: null is the initial state, its own snapshot record is taken as it is,
// and another scheduler's is refused with a message that names both.
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Tuning.Scheduling;

internal static class SchedulerSnapshots
{
    /// <summary><paramref name="snapshot"/> as <typeparamref name="T"/>; <paramref name="initial"/> when it is null.</summary>
    /// <exception cref="ArgumentException">It is another scheduler's snapshot.</exception>
    public static T Restore<T>(SchedulerSnapshot? snapshot, T initial, ITrialScheduler scheduler) where T : SchedulerSnapshot =>
        snapshot switch
        {
            null => initial,
            T own => own,
            _ => throw Foreign(snapshot, scheduler),
        };

    /// <summary>A scheduler that keeps no state accepts only null.</summary>
    /// <exception cref="ArgumentException">It is another scheduler's snapshot.</exception>
    public static void RestoreNone(SchedulerSnapshot? snapshot, ITrialScheduler scheduler)
    {
        if (snapshot is not null) throw Foreign(snapshot, scheduler);
    }

    private static ArgumentException Foreign(SchedulerSnapshot snapshot, ITrialScheduler scheduler) =>
        new($"{scheduler.GetType().Name} cannot restore a {snapshot.GetType().Name}: the stored state is another scheduler's", nameof(snapshot));
}
