// The do-nothing scheduler: every trial trains for the whole epoch budget.
namespace SweepCluster.Tabular.Replay;

/// <summary>Never stops a trial early.</summary>
public sealed class FifoTableScheduler : ITableScheduler
{
    public TrialDecision OnEpoch(ReplayTrial trial, ReplayView view) => TrialDecision.Continue;
}
