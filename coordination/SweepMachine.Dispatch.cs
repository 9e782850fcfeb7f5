// SweepMachine's dispatch: queued trials onto the live silos with free slots (TrialPlacement), within the sweep's
// concurrency, plus one waiting trial per silo while a FIFO sweep's trials are short (DispatchLookahead); each start
// numbered within its trial's stored attempt ceiling, with the epochs it must wait after. A TPE sweep's trials go only
// once their combination is suggested, and a new suggestion is stored before any start that follows it.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private void Dispatch()
    {
        if (Recovering) return; // restored: the trials are asked first (SweepMachine.Recovery.cs)
        if (_header.Status == SweepStatus.Cancelled) CancelIdleTrials();
        if (_header.Status != SweepStatus.Running || _book.Total == 0) return;
        SettleIdlePausedTrials();
        if (!_book.AnyQueued)
        {
            FinishIfDone(); // settling may have ended the last trials
            return;
        }
        var lookahead = _lookahead.PerSilo(_plan.Spec.Scheduler);
        var slots = _live.ToDictionary(s => s.Key, s => s.Slots + lookahead, StringComparer.Ordinal);
        var load = new Dictionary<string, int>(_book.Load, StringComparer.Ordinal);
        var capacity = DispatchCapacity(lookahead);
        var inFlight = _book.InFlight.Count;
        if (inFlight >= capacity) return;
        var suggested = SuggestReady();
        // A PBT donor waits at its boundary until every copier has its copy: trained on, it would hold a newer checkpoint
        // and its copiers' starts would fail for ever. A copier keeps its restart until its start is answered (queued
        // copiers come first, see TrialBook.QueueKey); the grain got this by stopping at a failed start, but the
        // machine's starts are carried out together. A held donor's slot is filled on a later dispatch.
        var copied = _book.InFlight.Select(i => _book[i].PendingRestart?.Donor).OfType<int>().ToHashSet();
        foreach (var index in _book.NextQueued(capacity - inFlight))
        {
            if (!_plan.IsSuggested(index)) continue; // it waits for results (SweepMachine.Suggestions.cs)
            if (_book[index].PendingRestart is { } restart) copied.Add(restart.Donor);
            else if (copied.Contains(index)) continue;
            var silo = TrialPlacement.Choose(slots, load);
            if (silo is null) break;
            // A start carries a number within its trial's stored ceiling (the host stores the state as the step leaves
            // it, so a Persist before the start stores a ceiling raised in this step): a coordinator restored from older
            // state would otherwise send the same number again, and a trial grain takes a repeated number for the same
            // start (it keeps a second run queued behind the first). Without a trial scheduler most starts are within the
            // reserve and cost no write, so a sweep's cost stays linear in its trials; with one (ASHA, median stopping,
            // PBT: starts that resume, restart from donors and carry decisions) every start leaves after a Persist, so a
            // restored coordinator always knows what it dispatched.
            var start = Dispatch(_book[index], silo, out var raised);
            var storeFirst = raised || _ceilingsUnstored || suggested || _plan.Spec.Scheduler != SchedulerKind.Fifo;
            if (storeFirst && !_commands.Contains(Persist.Instance)) PersistNow();
            Emit(start);
            load[silo] = load.GetValueOrDefault(silo) + 1;
        }
        FinishIfDone();
    }

    /// <summary>
    /// How many trials may be in flight at once: the live silos' slots (and <paramref name="lookahead"/> more on each),
    /// within the sweep's max_concurrent.
    /// </summary>
    private int DispatchCapacity(int lookahead = 0)
    {
        var capacity = _live.Sum(s => s.Slots + lookahead);
        return _plan.Spec.MaxConcurrent > 0 ? Math.Min(capacity, _plan.Spec.MaxConcurrent) : capacity;
    }

    private StartTrial Dispatch(TrialSummary trial, string silo, out bool raisedCeiling)
    {
        var attempt = Math.Max(trial.Attempt, trial.AttemptCeiling - AttemptReserve) + 1;
        raisedCeiling = attempt > trial.AttemptCeiling;
        trial = trial with
        {
            Attempt = attempt, AssignedSilo = silo, DispatchedAt = _now, Status = TrialStatus.Pending, Life = _header.Resumes,
            AttemptCeiling = raisedCeiling ? attempt + AttemptReserve - 1 : trial.AttemptCeiling,
        };
        Put(trial);
        var epochs = _plan.EpochsOf(trial.Index);
        var decisionEpochs = DecisionEpochs(epochs, _plan.CombinationOf(trial.Index));
        if (trial.PendingRestart is not { } restart)
            return new StartTrial(trial.Index, trial.Attempt, silo, trial.SpecOverride ?? _plan.SearcherSpec(trial.Index), decisionEpochs, null, 0, trial.Failures, trial.Life);
        return new StartTrial(trial.Index, trial.Attempt, silo, RestartSpec(trial.Index, restart), decisionEpochs, restart.Donor, restart.Epoch, trial.Failures, trial.Life);
    }

    // Per combination as well as per epochs: a Hyperband bracket's trials stop only at their bracket's rungs.
    private IReadOnlyList<int>? DecisionEpochs(int epochs, int combination)
    {
        if (!_decisionEpochs.TryGetValue((epochs, combination), out var list))
            _decisionEpochs[(epochs, combination)] = list =
                Enumerable.Range(1, Math.Max(0, epochs - 1)).Where(e => _scheduler.IsDecisionEpoch(e, epochs, combination)).ToArray();
        return list.Length > 0 ? list : null;
    }
}
