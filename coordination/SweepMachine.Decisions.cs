// SweepMachine's steps with the trial scheduler (ASHA, median stopping, PBT): a question at a decision epoch, each
// epoch shown to the scheduler, its decisions acted on (about the trial that asked or about paused ones), and what
// becomes of paused trials once nothing else can arrive.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private const string PausedWithNothingToWaitFor = "paused with nothing left to wait for";

    private Directive Decide(TrialProgress question)
    {
        if (Current(question.TrialIndex, question.Attempt, question.Silo) is not { } trial || question.Records.Count == 0) return AnswerStaleQuestion(question);
        var epoch = question.Records[^1].Epoch;
        // Asked again (the answer was lost), or a question from before the boundary it is paused at that came late (a
        // duplicate, a call that timed out): decided already. Deciding that earlier epoch again would un-pause it.
        if (trial.Status == TrialStatus.Paused && epoch <= trial.StoppedAtEpoch)
            return new Directive(TrialDecision.Pause, trial.StopReason);
        trial = trial with { WallSeconds = Math.Max(trial.WallSeconds, question.WallSeconds), Silos = trial.WithSilo(question.Silo) };
        (trial, var decision) = Record(trial, question.Records);
        if (!IsDecisionEpoch(trial.Index, epoch)) decision = SchedulingDecision.Continue;
        Put(trial with { Status = TrialStatus.Running });
        Act(trial.Index, decision, epoch);
        var acted = ApplyScheduledActions();
        // Stored before anyone acts on it (the trial on its answer, restarted trials on their dispatch): a coordinator
        // that restarts must not wake up before a decision that trials have already followed, or it would decide that
        // rung or PBT generation again without the trials that arrived there.
        PersistNow();
        if (decision.Decision != TrialDecision.Continue || acted)
        {
            // The trial stops here: its slot is free now (a trial started again while it waits queues the new attempt
            // behind the stopping one).
            FinishIfDone();
            Dispatch();
        }
        // What the trial does now follows from where this step left it: settling may have pruned it, and a trial
        // resumed in the same step still stops here (its new attempt starts after).
        var now = _book[trial.Index];
        return now.Status switch
        {
            TrialStatus.Running => new Directive(TrialDecision.Continue, decision.Reason),
            TrialStatus.Pruned => new Directive(TrialDecision.Stop, now.StopReason),
            _ => new Directive(TrialDecision.Pause, decision.Reason),
        };
    }

    // A question this machine does not act on: from an attempt replaced since, or about a trial that has ended (asked
    // again after the answer was lost). Training on would run epochs no one records, so those stop there.
    private Directive AnswerStaleQuestion(TrialProgress question)
    {
        if (!_book.Contains(question.TrialIndex)) return new Directive(TrialDecision.Continue, null);
        var trial = _book[question.TrialIndex];
        if (trial.Status == TrialStatus.Pruned) return new Directive(TrialDecision.Stop, trial.StopReason);
        // Ended otherwise (e.g. cancelled while its question, or the cancel, was on its way): it stops here too.
        if (trial.Status.IsTerminal()) return new Directive(TrialDecision.Pause, $"the trial ended {trial.Status}");
        if (trial.Queued && trial.Attempt == question.Attempt)
            return new Directive(TrialDecision.Pause, $"attempt {question.Attempt} is superseded by the next start");
        return trial.Attempt > question.Attempt
            ? new Directive(TrialDecision.Pause, $"attempt {question.Attempt} was replaced by attempt {trial.Attempt}")
            : new Directive(TrialDecision.Continue, null);
    }

    // Shows each epoch to the scheduler and keeps the last one in the summary; returns the decision about the last.
    private (TrialSummary Trial, SchedulingDecision Decision) Record(TrialSummary trial, IReadOnlyList<EpochRecord> records)
    {
        var decision = SchedulingDecision.Continue;
        foreach (var record in records)
        {
            var metric = MetricOf(record);
            trial = WithBest(WithLast(trial, record) with { EpochsDone = record.Epoch }, metric, record.Epoch);
            decision = _scheduler.OnEpoch(new TrialEpochResult(trial.Index, _plan.CombinationOf(trial.Index), record, metric, _plan.EpochsOf(trial.Index)));
        }
        return (trial, decision);
    }

    // Whether the trial's scheduler decides after this epoch (Hyperband: at its combination's bracket's rungs).
    private bool IsDecisionEpoch(int trialIndex, int epoch) =>
        _scheduler.IsDecisionEpoch(epoch, _plan.EpochsOf(trialIndex), _plan.CombinationOf(trialIndex));

    // Acts on a scheduler decision about a trial: the one that asked (stopped at epoch) or a paused one.
    private void Act(int index, SchedulingDecision decision, int epoch)
    {
        var trial = _book[index];
        var wasPaused = trial.Status == TrialStatus.Paused;
        switch (decision.Decision)
        {
            case TrialDecision.Continue when wasPaused || decision.Restart is not null:
                // Back in the queue: it resumes from its checkpoint (or, for PBT, from its donor's).
                Put(trial with
                {
                    Status = TrialStatus.Pending, AssignedSilo = null, StopReason = null, StoppedAtEpoch = null,
                    PendingRestart = decision.Restart is { } restart ? PendingRestart.From(restart) : null,
                });
                break;
            case TrialDecision.Continue:
                break;
            case TrialDecision.Pause:
                Put(trial with { Status = TrialStatus.Paused, AssignedSilo = null, StopReason = decision.Reason, StoppedAtEpoch = epoch });
                break;
            case TrialDecision.Stop:
                Put(trial with { Status = TrialStatus.Pruned, AssignedSilo = null, StopReason = decision.Reason, StoppedAtEpoch = epoch });
                _scheduler.OnTrialFinished(index, TrialStatus.Pruned, trial.LastMetric);
                // A paused trial's grain learns it too, so both agree (a pruned trial is ended everywhere); a trial that
                // asked learns it from the answer.
                if (wasPaused) Emit(new PruneTrial(index, decision.Reason));
                break;
        }
    }

    /// <summary>Decisions the scheduler made about other (paused) trials; true when there were any.</summary>
    private bool ApplyScheduledActions()
    {
        var acted = false;
        // Applying a decision may make more (a pruned PBT member releases its generation): drain until quiet.
        for (var actions = _scheduler.TakeActions(); actions.Count > 0; actions = _scheduler.TakeActions())
        {
            foreach (var action in actions)
            {
                if (!_book.Contains(action.TrialIndex) || _book[action.TrialIndex] is not { Status: TrialStatus.Paused } trial) continue;
                Act(trial.Index, action.Decision, trial.StoppedAtEpoch ?? trial.EpochsDone);
                acted = true;
            }
        }
        return acted;
    }

    // Nothing is queued or training but trials are paused: nothing can arrive that would change their scheduler's
    // mind, so it decides now (ASHA prunes them); a trial it leaves paused is pruned, so the sweep always ends.
    private void SettleIdlePausedTrials()
    {
        if (_book.Paused.Count == 0 || _book.AnyQueued || _book.InFlight.Count > 0) return;
        var paused = _book.Paused.ToArray();
        foreach (var action in _scheduler.OnIdle(paused))
        {
            if (_book.Contains(action.TrialIndex) && _book[action.TrialIndex] is { Status: TrialStatus.Paused } trial)
                Act(trial.Index, action.Decision, trial.StoppedAtEpoch ?? trial.EpochsDone);
        }
        ApplyScheduledActions();
        foreach (var index in _book.Paused.ToArray())
        {
            var trial = _book[index];
            Act(index, new SchedulingDecision(TrialDecision.Stop, trial.StopReason ?? PausedWithNothingToWaitFor), trial.StoppedAtEpoch ?? trial.EpochsDone);
        }
    }
}
