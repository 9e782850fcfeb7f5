// The lifecycle of a replayed trial: the terminal states of core's TrialStatus that a table can produce, kept here so
// that this library needs no Orleans-serialised core types.
namespace SweepCluster.Tabular.Replay;

/// <summary>Where a replayed trial is: training, or finished in one of three ways.</summary>
public enum ReplayTrialStatus
{
    /// <summary>On a worker, between epochs.</summary>
    Running,
    /// <summary>Trained for the table's whole epoch budget.</summary>
    Completed,
    /// <summary>Stopped early by the scheduler at an epoch boundary.</summary>
    Pruned,
    /// <summary>Its recorded run diverged; it ends at that epoch with metric 0.</summary>
    Diverged,
}
