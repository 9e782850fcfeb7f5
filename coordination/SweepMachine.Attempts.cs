// SweepMachine's steps for what an attempt says: its epochs, its end (a failure is retried while retries remain), a
// start's answer or failure; and whose word counts (Current): never a replaced attempt's, nor an ended trial's.
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private const string StoppedByScheduler = "stopped by the trial scheduler";

    private Directive? Progress(TrialProgress progress)
    {
        if (Current(progress.TrialIndex, progress.Attempt, progress.Silo) is not { } trial) return null;
        // A paused trial's attempt has stopped at its boundary: progress still arriving from it was sent before its
        // question (a report delivered late, or twice) and must not move it back from the epoch it is paused at.
        if (trial.Status == TrialStatus.Paused) return null;
        trial = trial with { WallSeconds = Math.Max(trial.WallSeconds, progress.WallSeconds), Silos = trial.WithSilo(progress.Silo) };
        (trial, _) = Record(trial, progress.Records); // decisions about epochs the trial does not wait at are not acted on
        if (trial.Status == TrialStatus.Pending) trial = trial with { Status = TrialStatus.Running }; // never un-pauses
        Put(trial);
        return null;
    }

    private Directive? End(TrialEnd end)
    {
        if (Current(end.TrialIndex, end.Attempt, end.Silo) is not { } trial) return null;
        // Stored here only when the scheduler decided about other trials: otherwise the tick stores it, and a machine
        // restored from older state gets any result it missed back from the trial (reconciliation, or a start's answer).
        foreach (var record in end.History ?? []) trial = WithBest(trial, MetricOf(record), record.Epoch);
        if (Apply(trial, end.Status, end.Last, end.Error, end.Silo, end.WallSeconds, end.Test)) PersistNow();
        FinishIfDone();
        Dispatch();
        return null;
    }

    private Directive? Started(StartTrial start, TrialView answer)
    {
        var trial = _book[start.TrialIndex];
        if (trial.Status.IsTerminal() || trial.Attempt != start.Attempt || trial.AssignedSilo != start.Silo) return null; // overtaken
        trial = trial with { Attempt = Math.Max(trial.Attempt, answer.Attempt) };
        // The start reached a run already training on another silo (this machine was restored from state older than
        // that run's start), which took the start's number: it is followed where it trains.
        if (TrainingAt(answer) is { } where) trial = trial with { AssignedSilo = where };
        if (start.Donor is not null && trial.PendingRestart is { } restart)
        {
            // The donor's epochs (or its own, had it carried out this restart before).
            trial = WithLast(Restarted(trial, restart, start.Spec), answer.Last) with
            {
                EpochsDone = answer.Epochs,
                BestMetric = Better(trial.BestMetric, MetricOf(answer.Last)),
            };
        }
        Put(trial);
        if (answer.Status.IsTerminal() && !answer.IsTraining)
        {
            // It had finished before (a result this machine never stored, or a failure it never counted): take the
            // result, do not run it again; a failure is counted, and retried if retries remain.
            trial = _book[trial.Index];
            foreach (var record in answer.History ?? []) trial = WithBest(trial, MetricOf(record), record.Epoch);
            Apply(trial, answer.Status, answer.Last, answer.Error, answer.Silo, answer.WallSeconds, answer.Test);
            FinishIfDone();
            Dispatch();
        }
        return null;
    }

    private Directive? StartFailed(StartTrial start)
    {
        var trial = _book[start.TrialIndex];
        if (trial.Status.IsTerminal() || trial.Attempt != start.Attempt || trial.AssignedSilo != start.Silo) return null;
        // The start may have landed and only its answer been lost: the trial stays in flight under this attempt and the
        // next tick asks it (a trial that did not start goes back in the queue then). Queued at once, it could run twice,
        // and word from the attempt that did start (its failure, its PBT copy) would be taken for late news (see Current).
        _lastReconcile = DateTimeOffset.MinValue;
        return null;
    }

    /// <param name="test">A completed trial's held-out test evaluation: kept in its summary for the report, never told to
    /// the scheduler.</param>
    /// <returns>Whether the scheduler, told of the trial's end, decided about other trials.</returns>
    private bool Apply(TrialSummary trial, TrialStatus status, EpochRecord? last, string? error, string? silo, double wallSeconds,
        HeldOutEvaluation? test = null)
    {
        var metric = MetricOf(last);
        trial = WithLast(WithBest(trial, metric, last?.Epoch ?? 0), last) with
        {
            EpochsDone = last?.Epoch ?? 0,
            Silos = trial.WithSilo(silo),
            // The trial grain's total over every attempt and segment; a total read from older storage may be smaller.
            WallSeconds = Math.Max(trial.WallSeconds, wallSeconds),
            Error = error,
            AssignedSilo = null,
            Test = status == TrialStatus.Completed ? test : null,
        };
        if (status == TrialStatus.Cancelled && _header.Status == SweepStatus.Running && trial.Life < _header.Resumes)
        {
            // Cancelled before its sweep was resumed, and stopped only now: it goes on from its checkpoint like the rest.
            // (Cancelled in this life, by a cancel this machine lost in a restart, it stays cancelled.)
            Put(trial with { Status = TrialStatus.Pending });
            return false;
        }
        if (status == TrialStatus.Failed)
        {
            var failures = trial.Failures + 1;
            if (trial.Failures < _plan.Spec.Retries && _header.Status == SweepStatus.Running)
            {
                Put(trial with { Failures = failures, Status = TrialStatus.Pending }); // back in the queue: a retry
                PersistNow(); // the failure is counted in storage before the retry starts: a restart must not grant another
                return false;
            }
            trial = trial with { Failures = failures };
        }
        Put(trial with { Status = status, StopReason = status == TrialStatus.Pruned ? trial.StopReason ?? StoppedByScheduler : trial.StopReason });
        if (status == TrialStatus.Completed) _lookahead.Observe(trial.WallSeconds);
        _scheduler.OnTrialFinished(trial.Index, status, metric);
        return ApplyScheduledActions();
    }

    // The trial's summary if a message from this attempt is to be acted on: not from an attempt replaced since, not
    // about a trial that ended. An attempt newer than the summary's was dispatched before this machine was restored
    // from older state: it is adopted, in flight where it runs (a queued trial would be started again). A PBT restart still waiting for its start's answer while the trial is in flight
    // was dispatched and stored, but the answer was lost with a coordinator that restarted before storing it: word from
    // the attempt shows the start was carried out, so the exploit is recorded now, as the answer would have.
    private TrialSummary? Current(int index, int attempt, string? silo)
    {
        if (!_book.Contains(index)) return null;
        var trial = _book[index];
        if (trial.Status.IsTerminal() || attempt < trial.Attempt) return null;
        // A queued trial has no attempt in flight: word from the attempt it was queued after is late (that attempt's end
        // was applied, its run found gone, or its pause decided; a duplicate, or a call that timed out). Acting on it
        // would count one failure twice, or move on a trial that waits for its next start.
        if (attempt == trial.Attempt && trial.Queued) return null;
        if (attempt > trial.Attempt)
        {
            trial = trial.Queued && LiveKeyOf(silo) is { } where
                ? trial with { Attempt = attempt, AssignedSilo = where, DispatchedAt = _now, Life = _header.Resumes }
                : trial with { Attempt = attempt };
        }
        if (trial.InFlight && trial.PendingRestart is { } restart) trial = Restarted(trial, restart, RestartSpec(index, restart));
        if (!ReferenceEquals(trial, _book[index])) Put(trial);
        return trial;
    }
}
