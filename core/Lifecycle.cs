// The states and decisions of sweeps and trials, shared by the searchers, schedulers, grains, reports and CLI.
namespace SweepCluster.Core;

/// <summary>Where a trial is in its life. Terminal: Completed, Diverged, Failed, Cancelled, Pruned.</summary>
public enum TrialStatus { Pending, Running, Completed, Diverged, Failed, Cancelled, Paused, Pruned }

/// <summary>Where a sweep is in its life.</summary>
public enum SweepStatus
{
    Running,

    /// <summary>Every trial reached a terminal state (some may have failed, diverged or been pruned).</summary>
    Completed,

    Cancelled,

    /// <summary>No trial completed or was pruned: every one failed, diverged or was cancelled.</summary>
    Failed,
}

/// <summary>What a trial scheduler says after a reported epoch.</summary>
public enum TrialDecision { Continue, Pause, Stop }

public static class LifecycleExtensions
{
    public static bool IsTerminal(this TrialStatus status) =>
        status is TrialStatus.Completed or TrialStatus.Diverged or TrialStatus.Failed or TrialStatus.Cancelled or TrialStatus.Pruned;

    public static bool IsTerminal(this SweepStatus status) => status != SweepStatus.Running;
}
