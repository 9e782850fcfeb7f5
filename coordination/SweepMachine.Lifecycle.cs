// SweepMachine's steps for the sweep's own life: its start (every trial created and queued), a cancel (in-flight
// trials are told, idle ones end cancelled) and its end, once every trial has ended: stored, then published.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private Directive? Start(SweepStarted started)
    {
        if (_book.Total > 0) return null; // started already
        _header = new SweepHeader(started.Name, SweepStatus.Running, _now, null);
        _book.Initialize(Enumerable.Range(0, _plan.TotalTrials).Select(i => TrialSummary.Fresh(i) with { AttemptCeiling = AttemptReserve }).ToImmutableList());
        _changed.UnionWith(Enumerable.Range(0, _plan.TotalTrials));
        PersistNow();
        Emit(PublishListing.Instance);
        Dispatch();
        return null;
    }

    private Directive? Cancel()
    {
        if (_header.Status != SweepStatus.Running) return null;
        MoveTo(SweepStatus.Cancelled, null);
        Dirty = true;
        foreach (var trial in _book.Trials.Where(t => !t.Status.IsTerminal()).ToArray())
        {
            if (trial.InFlight) Emit(new CancelTrial(trial.Index));
            else Put(trial with { Status = TrialStatus.Cancelled });
        }
        if (FinishIfDone()) return null;
        PersistNow();
        Emit(PublishListing.Instance);
        return null;
    }

    // A cancelled sweep dispatches nothing: a trial that is neither training nor ended (paused or resumed by an answer
    // that came after the cancel, e.g. a question that crossed it) would wait for ever. It ends cancelled.
    private void CancelIdleTrials()
    {
        foreach (var trial in _book.Trials.Where(t => !t.Status.IsTerminal() && !t.InFlight).ToArray())
            Put(trial with { Status = TrialStatus.Cancelled, AssignedSilo = null });
        FinishIfDone();
    }

    /// <returns>Whether the sweep ended now (then it was stored and published).</returns>
    private bool FinishIfDone()
    {
        if (!_book.AllEnded || _header.FinishedAt is not null || _book.Total == 0) return false;
        // A trial the scheduler pruned ran as planned (ASHA may legitimately promote nothing to the last rung).
        var status = _header.Status != SweepStatus.Running ? _header.Status
            : _book.CountOf(TrialStatus.Completed) + _book.CountOf(TrialStatus.Pruned) > 0 ? SweepStatus.Completed : SweepStatus.Failed;
        MoveTo(status, _now);
        Emit(StopTicking.Instance);
        PersistNow();
        Emit(PublishListing.Instance);
        return true;
    }

    /// <summary>The sweep's status moves (checked against <see cref="SweepLifecycle"/>) and its end time is set or cleared.</summary>
    private void MoveTo(SweepStatus status, DateTimeOffset? finishedAt)
    {
        if (status != _header.Status) SweepLifecycle.Check(_header.Status, status);
        _header = _header with { Status = status, FinishedAt = finishedAt };
        Dirty = true;
    }
}
