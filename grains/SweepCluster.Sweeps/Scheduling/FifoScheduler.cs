namespace SweepCluster.Sweeps.Scheduling;

/// <summary>The do-nothing scheduler: every trial runs all its epochs.</summary>
public sealed class FifoScheduler : ITrialScheduler
{
    public SchedulingDecision OnEpoch(TrialEpochResult result) => SchedulingDecision.Continue;

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric) { }

    public string SaveState() => "";

    public void RestoreState(string state) { }
}
