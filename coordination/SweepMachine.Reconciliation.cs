// SweepMachine's steps with the cluster: the membership, the tick (reconcile when due or when a silo was lost, then
// dispatch) and the trials' answers to a reconciliation, which hold the truth about their own progress.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private Directive? Observe(MembershipObserved membership)
    {
        _live = membership.Silos;
        return null;
    }

    private Directive? Tick()
    {
        if (Recovering)
        {
            StartRecovery();
            if (!Recovering) FinishTick();
            return null;
        }
        var lost = _book.InFlight.Any(i => !IsLive(_book[i].AssignedSilo!));
        if (_book.InFlight.Count > 0 && (lost || _now - _lastReconcile >= _reconcilePeriod))
        {
            _lastReconcile = _now;
            Emit(new ReconcileTrials(_book.InFlight.ToArray())); // the rest of the tick follows the answers
            return null;
        }
        FinishTick();
        return null;
    }

    private void FinishTick()
    {
        var periodic = PeriodicPersistDue;
        if (periodic) PersistIfDirty(); // what reconciling decided, before dispatching on it
        Dispatch();
        if (periodic) PersistIfDirty();
        if (_book.AllEnded) Emit(StopTicking.Instance);
    }

    // What the trials said about themselves: results that were not delivered are applied, and trials that are not
    // training any more (their silo was lost, or they were deactivated) go back in the queue to resume from their
    // checkpoint.
    private Directive? Reconciled(IReadOnlyList<ReconciledTrial> answers)
    {
        var probes = new List<(int Trial, bool Started)>();
        foreach (var (index, view) in answers)
        {
            if (!_book.Contains(index)) continue;
            if (Recovering && _recovery!.Probed.ContainsKey(index))
            {
                probes.Add((index, Probed(index, view)));
                if (!_book[index].InFlight) continue; // in flight (adopted now, or by word from its attempt): as below
            }
            if (view is null) continue; // did not answer: it stays in flight
            var trial = _book[index];
            if (!trial.InFlight) continue;
            if (view.Attempt >= trial.Attempt && trial.PendingRestart is { } restart)
            {
                trial = Restarted(trial, restart, RestartSpec(index, restart)); // its start's answer was lost (see Current)
                Put(trial);
            }
            if (view.Attempt >= trial.Attempt && view.Status.IsTerminal())
            {
                foreach (var record in view.History ?? []) trial = WithBest(trial, MetricOf(record), record.Epoch);
                Apply(trial with { StopReason = trial.StopReason ?? view.StopReason }, view.Status, view.Last, view.Error, view.Silo, view.WallSeconds, view.Test);
            }
            else if (view.Attempt >= trial.Attempt && view.Status == TrialStatus.Paused && !view.IsTraining)
            {
                AdoptPause(trial, view);
            }
            else if (view.IsTraining && !IsLive(trial.AssignedSilo!))
            {
                // Training, so on a live silo (a call never reaches an activation on a dead one), just not the one it
                // was sent to (that silo died before the start landed and the placement went elsewhere): it is
                // followed where it is. Starting it again would queue a second run behind the one that trains.
                if (LiveKeyOf(view.Silo) is { } where) Put(trial with { AssignedSilo = where });
            }
            else if (!view.IsTraining)
            {
                // Nothing will resume a trial of a cancelled sweep; any other goes back in the queue.
                Put(trial with { AssignedSilo = null, Status = _header.Status == SweepStatus.Cancelled ? TrialStatus.Cancelled : TrialStatus.Pending });
            }
        }
        if (Recovering && ContinueRecovery(probes)) return null; // the next batch of the stored queue is asked first
        FinishIfDone();
        FinishTick();
        return null;
    }

    // A trial paused at a decision epoch by a decision this machine no longer remembers (it was restored from state
    // older than that decision): the scheduler hears of that epoch again, so the rung or the PBT generation waiting
    // there counts the trial. It stays paused unless the scheduler now decides otherwise.
    private void AdoptPause(TrialSummary trial, TrialView view)
    {
        trial = WithLast(trial, view.Last) with { EpochsDone = view.Epochs, Status = TrialStatus.Paused, AssignedSilo = null };
        var epoch = view.Epochs;
        SchedulingDecision decision;
        if (epoch > 0 && view.Last is { } last && IsDecisionEpoch(trial.Index, epoch))
            (trial, decision) = Record(trial, [last]);
        else
            decision = new SchedulingDecision(TrialDecision.Pause, view.StopReason);
        Put(trial);
        Act(trial.Index, decision, epoch);
        ApplyScheduledActions();
    }

    private bool IsLive(string silo) => _live.Any(s => s.Key == silo);
}
