// The trial-scheduler role of a replay: decides at each epoch boundary whether a running trial goes on.
namespace SweepCluster.Tabular.Replay;

/// <summary>
/// Called after every epoch of a running trial except its last; <see cref="TrialDecision.Stop"/> prunes it there.
/// Hyperband-style schedulers keep their rungs from these calls.
/// </summary>
public interface ITableScheduler
{
    TrialDecision OnEpoch(ReplayTrial trial, ReplayView view);
}
