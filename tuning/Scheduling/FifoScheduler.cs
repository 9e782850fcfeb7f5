using SweepCluster.Core;
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>The do-nothing scheduler: every trial runs all its epochs. It keeps no state.</summary>
public sealed class FifoScheduler : ITrialScheduler
{
    public bool IsDecisionEpoch(int epoch, int epochs) => false;

    public SchedulingDecision OnEpoch(TrialEpochResult result) => SchedulingDecision.Continue;

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric) { }

    public IReadOnlyList<ScheduledAction> TakeActions() => [];

    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused) => [];

    public SchedulerSnapshot? SaveState() => null;

    public void RestoreState(SchedulerSnapshot? snapshot) => SchedulerSnapshots.RestoreNone(snapshot, this);
}
