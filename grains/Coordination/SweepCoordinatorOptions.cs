using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

/// <summary>How often a coordinator drives its sweep; shorter periods find lost trials sooner.</summary>
public sealed class SweepCoordinatorOptions
{
    /// <summary>Dispatch, state flush and a membership check of in-flight trials.</summary>
    public TimeSpan TickPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Ask every in-flight trial for its stored state (finds trials that stopped without reporting).</summary>
    public TimeSpan ReconcilePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A durable reminder that reactivates the coordinator if its silo died and nothing else calls it.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
