using SweepCluster.Core;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>The do-nothing scheduler: every trial runs all its epochs.</summary>
public sealed class FifoScheduler : ITrialScheduler
{
    public bool IsDecisionEpoch(int epoch, int epochs) => false;

    public SchedulingDecision OnEpoch(TrialEpochResult result) => SchedulingDecision.Continue;

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric) { }

    public IReadOnlyList<ScheduledAction> TakeActions() => [];

    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused) => [];

    public string SaveState() => "";

    public void RestoreState(string state) { }
}
