// SweepMachine's steps for what the user changes after the start: resume (a cancelled sweep goes on: its cancelled
// trials, and those that failed with a retry left while it was cancelled, are queued to go on from their checkpoints;
// its results stay) and extend (more combinations or seeds:
// new trials appended to the plan, a finished sweep runs again). Each answers with a SweepChange; a refusal changes
// nothing.
using SweepCluster.Core;
using SweepCluster.Coordination.State;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private Directive? Resume()
    {
        switch (_header.Status)
        {
            case SweepStatus.Running:
                return Answer(SweepChangeOutcome.AlreadyRunning, $"sweep {Name} is running: nothing to resume");
            case SweepStatus.Completed or SweepStatus.Failed:
                return Answer(SweepChangeOutcome.Refused,
                    $"sweep {Name} has finished ({_header.Status}): nothing to resume; use `sweep extend` to add trials or seeds");
        }
        MoveTo(SweepStatus.Running, null);
        _header = _header with { Resumes = _header.Resumes + 1 };
        var resumed = 0;
        foreach (var trial in _book.Trials.Where(ResumesWithItsSweep).ToArray())
        {
            // Back in the queue. One its scheduler held at a boundary starts from its checkpoint there and asks about
            // that epoch first, so the scheduler decides again as things are now (a rung may have promoted it meanwhile,
            // a decision no one could act on while the sweep was cancelled). Attempt numbers up to its ceiling may have
            // gone out: the next start numbers above them (stored first, below).
            Put(trial with
            {
                Status = TrialStatus.Pending, AssignedSilo = null, Error = null, StopReason = null, StoppedAtEpoch = null,
                AttemptCeiling = trial.AttemptCeiling + AttemptReserve,
            });
            _scheduler.OnTrialResumed(trial.Index);
            resumed++;
        }
        var stopping = _book.InFlight.Count; // still stopping from the cancel: each goes back in the queue when it has
        GoOn();
        var kept = _book.Trials.Count(t => t.Status.IsTerminal());
        return Answer(SweepChangeOutcome.Resumed,
            $"resumed sweep {Name}: {Plural.Of(resumed + stopping, "trial")} {(resumed + stopping == 1 ? "goes" : "go")} on from {(resumed + stopping == 1 ? "its checkpoint" : "their checkpoints")}; " +
            $"{Plural.Of(kept, "ended trial")} {(kept == 1 ? "is" : "are")} kept");
    }

    // Cancelled, or failed while its sweep was cancelled with a retry left (that retry was never made): it goes on.
    private bool ResumesWithItsSweep(TrialSummary trial) =>
        trial.Status == TrialStatus.Cancelled || (trial.Status == TrialStatus.Failed && trial.Failures <= _plan.Spec.Retries);

    private Directive? Extend(SweepExtension extension)
    {
        if (extension.Request != Guid.Empty && _plan.Extensions.Any(taken => taken.Request == extension.Request))
            return Answer(SweepChangeOutcome.Extended, $"sweep {Name} already took this extension (the call was repeated): {Plural.Of(_plan.TotalTrials, "trial")} in all");
        if (ExtensionCheck.Refusal(_plan, _header.Status, Name, extension) is { } refusal)
            return Answer(SweepChangeOutcome.Refused, refusal);
        var before = _book.Total;
        _plan = _plan.Extend(extension);
        _book.Extend(_plan, Enumerable.Range(before, _plan.TotalTrials - before).Select(i => TrialSummary.Fresh(i) with { AttemptCeiling = AttemptReserve }));
        Dirty = true;
        if (_header.Status != SweepStatus.Running) MoveTo(SweepStatus.Running, null);
        GoOn();
        return Answer(SweepChangeOutcome.Extended, $"extended sweep {Name} by {Plural.Of(_plan.TotalTrials - before, "trial")}: {_plan.TotalTrials:N0} in all");
    }

    // Stored before anything starts, so a restarted coordinator runs the sweep as changed.
    private void GoOn()
    {
        PersistNow();
        Emit(PublishListing.Instance);
        Emit(ResumeTicking.Instance);
        Dispatch();
    }

    private Directive? Answer(SweepChangeOutcome outcome, string message)
    {
        _change = new SweepChange(outcome, message);
        return null;
    }
}
