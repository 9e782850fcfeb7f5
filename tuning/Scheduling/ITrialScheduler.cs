using SweepCluster.Core;
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>One epoch of one trial as the scheduler sees it.</summary>
/// <param name="Metric">The sweep metric at this epoch (null: the run has none, e.g. no validation split).</param>
/// <param name="Epochs">The trial's planned epochs.</param>
public sealed record TrialEpochResult(int TrialIndex, int Combination, EpochRecord Record, double? Metric, int Epochs);

/// <summary>
/// Decides, after each reported epoch, whether a running trial goes on (Ray Tune's trial scheduler, Optuna's pruner).
/// Implementations are plain C#, deterministic for a given sequence of calls, and save/restore their state so a
/// coordinator can be reactivated.
/// <para>Protocol: a trial stops after every epoch <see cref="IsDecisionEpoch"/> names (with a checkpoint) and waits
/// for <see cref="OnEpoch"/>'s decision about that epoch: Continue, Pause (it frees its slot and keeps its checkpoint;
/// a later <see cref="TakeActions"/> or <see cref="OnIdle"/> resumes or stops it) or Stop (it ends Pruned). Other
/// epochs are reported too (at most every 200 ms) and their decisions are not acted on. Epochs may be reported again
/// after a trial resumed from an older checkpoint: implementations are idempotent per (trial, epoch).</para>
/// </summary>
public interface ITrialScheduler
{
    /// <summary>Whether a trial of <paramref name="epochs"/> epochs must wait for a decision after <paramref name="epoch"/>.</summary>
    bool IsDecisionEpoch(int epoch, int epochs);

    /// <summary>
    /// Whether a trial of combination <paramref name="combination"/> must wait for a decision after
    /// <paramref name="epoch"/>: the same for every combination but in Hyperband, whose brackets have different rungs.
    /// <see cref="IsDecisionEpoch(int, int)"/> holds wherever this does.
    /// </summary>
    bool IsDecisionEpoch(int epoch, int epochs, int combination) => IsDecisionEpoch(epoch, epochs);

    SchedulingDecision OnEpoch(TrialEpochResult result);

    /// <summary>A trial reached a terminal state; schedulers that rank completed trials record it.</summary>
    void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric);

    /// <summary>
    /// A trial that ended Cancelled is part of the sweep again (`sweep resume`): it goes on from its checkpoint and
    /// reports its epochs as before. Schedulers that count ended trials (PBT's population) count it as live again.
    /// </summary>
    void OnTrialResumed(int trialIndex) { }

    /// <summary>Decisions about paused trials made since the last call (a promotion, a PBT generation); cleared by the call.</summary>
    IReadOnlyList<ScheduledAction> TakeActions();

    /// <summary>
    /// Nothing is queued or training and <paramref name="paused"/> wait: what becomes of them. A trial left without a
    /// decision is pruned by the coordinator, so a sweep always ends.
    /// </summary>
    IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused);

    /// <summary>The state to persist with the sweep, immutable; null when the scheduler keeps none (FIFO).</summary>
    SchedulerSnapshot? SaveState();

    /// <summary>Restores what <see cref="SaveState"/> returned; null restores the initial state.</summary>
    /// <exception cref="ArgumentException">The snapshot is another scheduler's.</exception>
    void RestoreState(SchedulerSnapshot? snapshot);
}
