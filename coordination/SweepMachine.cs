// A sweep's bookkeeping as a deterministic state machine, after etcd's raft: events in (a trial's epochs, its end, a
// question at a decision epoch, the answer to a start, a reconciliation, a tick, the membership, a cancel), commands
// out (start trial T on silo S, prune, cancel, reconcile, persist, publish) and the next state. It does no I/O and
// reads no clock: the same state and the same events always give the same commands, which is what lets it be tested
// in milliseconds and driven through thousands of random interleavings. The coordinator grain feeds it and carries
// out its commands; the trial scheduler (ASHA, median stopping, PBT) is consulted here and its state saved with ours.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination;

public sealed class SweepMachine
{
    private const string PausedWithNothingToWaitFor = "paused with nothing left to wait for";
    private const string StoppedByScheduler = "stopped by the trial scheduler";

    private readonly SweepPlan _plan;
    private readonly ITrialScheduler _scheduler;
    private readonly TimeSpan _reconcilePeriod;
    private readonly TrialBook _book;
    private readonly Dictionary<int, int[]> _decisionEpochs = [];
    private readonly List<SweepCommand> _commands = [];
    private IReadOnlyList<LiveSilo> _live = [];
    private DateTimeOffset _lastReconcile = DateTimeOffset.MinValue;
    private DateTimeOffset _now;
    private SweepHeader _header;

    /// <summary>Attempt numbers reserved per trial at a time (see <see cref="TrialSummary.AttemptCeiling"/>).</summary>
    private const int AttemptReserve = 16;

    /// <summary>Restored ceilings were raised and not stored yet: the first start must wait for a Persist.</summary>
    private bool _ceilingsUnstored;

    /// <summary>Trials changed since <see cref="TakeChangedTrials"/> was last called.</summary>
    private readonly HashSet<int> _changed = [];

    private SweepMachine(SweepPlan plan, SweepHeader header, ImmutableList<TrialSummary> trials, string schedulerState, TimeSpan reconcilePeriod)
    {
        _plan = plan;
        _header = header;
        _reconcilePeriod = reconcilePeriod;
        _scheduler = plan.NewScheduler();
        _scheduler.RestoreState(schedulerState);
        _book = new TrialBook(plan, trials);
    }

    /// <summary>A sweep not started yet (its trials are created by <see cref="SweepStarted"/>).</summary>
    public static SweepMachine New(SweepPlan plan, TimeSpan reconcilePeriod) =>
        new(plan, new SweepHeader(plan.Spec.Name, SweepStatus.Running, default, null), [], "", reconcilePeriod);

    /// <summary>A sweep as it was stored (a coordinator reactivated after a restart or a silo loss).</summary>
    public static SweepMachine Restore(SweepPlan plan, SweepState state, TimeSpan reconcilePeriod)
    {
        if (state.Trials.Count != plan.TotalTrials)
            throw new InvalidOperationException($"the stored sweep has {state.Trials.Count} trials; its spec has {plan.TotalTrials}");
        // Numbers up to each stored ceiling may have gone out before the restart: the next start numbers above it, and
        // the ceiling moves up one reserve (stored before that start leaves).
        var trials = state.Trials.Select(t => t.Status.IsTerminal() ? t : t with { AttemptCeiling = t.AttemptCeiling + AttemptReserve }).ToImmutableList();
        return new(plan, new SweepHeader(state.Name, state.Status, state.CreatedAt, state.FinishedAt), trials, state.SchedulerState, reconcilePeriod)
        {
            _ceilingsUnstored = true,
        };
    }

    public SweepPlan Plan => _plan;

    /// <summary>The state to store: immutable, so the host may write it while the machine moves on.</summary>
    public SweepState State => new(_header.Name, _header.Status, _header.CreatedAt, _header.FinishedAt, _book.Trials, _scheduler.SaveState());

    public SweepStatus Status => _header.Status;
    public string Name => _header.Name;
    public DateTimeOffset CreatedAt => _header.CreatedAt;
    public DateTimeOffset? FinishedAt => _header.FinishedAt;
    public IReadOnlyList<TrialSummary> Trials => _book.Trials;

    /// <summary>The trials whose summaries changed since the last call, by index (every trial once the sweep has
    /// started: a host that records summaries elsewhere, e.g. the study tables, writes these); the set is emptied.</summary>
    public IReadOnlyList<int> TakeChangedTrials()
    {
        var changed = _changed.Order().ToArray();
        _changed.Clear();
        return changed;
    }

    /// <summary>Changed since the last <see cref="Persist"/> it asked for.</summary>
    public bool Dirty { get; private set; }

    /// <summary>Every trial has ended.</summary>
    public bool AllEnded => _book.AllEnded;

    /// <summary>The sweep's counts, epochs and best trial now.</summary>
    public SweepTally Tally()
    {
        var counts = Enum.GetValues<TrialStatus>().Where(s => _book.CountOf(s) > 0).ToDictionary(s => s, _book.CountOf);
        return new SweepTally(counts, _book.EpochsDone, _plan.EpochsPlanned - _book.EpochsNotToRun, _book.Best?.Index, _book.Best?.Metric);
    }

    /// <summary>Handles one event; returns the commands to carry out, in order, and the answer when it was a question.</summary>
    public Step Handle(SweepEvent @event)
    {
        _commands.Clear();
        _now = @event.Now;
        var reply = @event switch
        {
            SweepStarted started => Start(started),
            MembershipObserved membership => Observe(membership),
            Ticked => Tick(),
            EpochsReported reported => Progress(reported.Progress),
            DecisionAsked asked => Decide(asked.Progress),
            AttemptEnded ended => End(ended.End),
            TrialStartAnswered answered => Started(answered.Start, answered.Trial),
            TrialStartFailed failed => StartFailed(failed.Start),
            TrialsReconciled reconciled => Reconciled(reconciled.Trials),
            CancelRequested => Cancel(),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "not a sweep event"),
        };
        return new Step(_commands.ToArray(), reply);
    }

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

    private Directive? Observe(MembershipObserved membership)
    {
        _live = membership.Silos;
        return null;
    }

    private Directive? Tick()
    {
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
        PersistIfDirty(); // what reconciling decided, before dispatching on it
        Dispatch();
        PersistIfDirty();
        if (_book.AllEnded) Emit(StopTicking.Instance);
    }

    private Directive? Progress(TrialProgress progress)
    {
        if (Current(progress.TrialIndex, progress.Attempt) is not { } trial) return null;
        // A paused trial's attempt has stopped at its boundary: progress still arriving from it was sent before its
        // question (a report delivered late, or twice) and must not move it back from the epoch it is paused at.
        if (trial.Status == TrialStatus.Paused) return null;
        trial = trial with { WallSeconds = Math.Max(trial.WallSeconds, progress.WallSeconds), Silos = trial.WithSilo(progress.Silo) };
        (trial, _) = Record(trial, progress.Records); // decisions about epochs the trial does not wait at are not acted on
        if (trial.Status == TrialStatus.Pending) trial = trial with { Status = TrialStatus.Running }; // never un-pauses
        Put(trial);
        return null;
    }

    private Directive Decide(TrialProgress question)
    {
        if (Current(question.TrialIndex, question.Attempt) is not { } trial || question.Records.Count == 0) return AnswerStaleQuestion(question);
        var epoch = question.Records[^1].Epoch;
        // Asked again (the answer was lost), or a question from before the boundary it is paused at that came late (a
        // duplicate, a call that timed out): decided already. Deciding that earlier epoch again would un-pause it.
        if (trial.Status == TrialStatus.Paused && epoch <= trial.StoppedAtEpoch)
            return new Directive(TrialDecision.Pause, trial.StopReason);
        trial = trial with { WallSeconds = Math.Max(trial.WallSeconds, question.WallSeconds), Silos = trial.WithSilo(question.Silo) };
        (trial, var decision) = Record(trial, question.Records);
        if (!_scheduler.IsDecisionEpoch(epoch, _plan.EpochsOf(trial.Index))) decision = SchedulingDecision.Continue;
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

    private Directive? End(TrialEnd end)
    {
        if (Current(end.TrialIndex, end.Attempt) is not { } trial) return null;
        // Stored here only when the scheduler decided about other trials: otherwise the tick stores it, and a machine
        // restored from older state gets any result it missed back from the trial (reconciliation, or a start's answer).
        foreach (var record in end.Unreported ?? []) trial = WithBest(trial, MetricOf(record), record.Epoch);
        if (Apply(trial, end.Status, end.Last, end.Error, end.Silo, end.WallSeconds)) PersistNow();
        FinishIfDone();
        Dispatch();
        return null;
    }

    private Directive? Started(StartTrial start, TrialView answer)
    {
        var trial = _book[start.TrialIndex];
        if (trial.Status.IsTerminal() || trial.Attempt != start.Attempt || trial.AssignedSilo != start.Silo) return null; // overtaken
        trial = trial with { Attempt = Math.Max(trial.Attempt, answer.Attempt) };
        if (start.Donor is not null && trial.PendingRestart is { } restart)
        {
            // The donor's epochs (or its own, had it carried out this restart before).
            trial = Restarted(trial, restart, start.Spec) with
            {
                EpochsDone = answer.Epochs,
                LastMetric = MetricOf(answer.Last),
                BestMetric = Better(trial.BestMetric, MetricOf(answer.Last)),
            };
        }
        Put(trial);
        if (answer.Status.IsTerminal() && !answer.IsTraining)
        {
            // It had finished before (a result this machine never stored, or a failure it never counted): take the
            // result, do not run it again; a failure is counted, and retried if retries remain.
            Apply(_book[trial.Index], answer.Status, answer.Last, answer.Error, answer.Silo, answer.WallSeconds);
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

    // What the trials said about themselves: results that were not delivered are applied, and trials that are not
    // training any more (their silo was lost, or they were deactivated) go back in the queue to resume from their
    // checkpoint.
    private Directive? Reconciled(IReadOnlyList<ReconciledTrial> answers)
    {
        foreach (var (index, view) in answers)
        {
            if (view is null || !_book.Contains(index)) continue; // did not answer: it stays in flight
            var trial = _book[index];
            if (!trial.InFlight) continue;
            if (view.Attempt >= trial.Attempt && trial.PendingRestart is { } restart)
            {
                trial = Restarted(trial, restart, RestartSpec(index, restart)); // its start's answer was lost (see Current)
                Put(trial);
            }
            if (view.Attempt >= trial.Attempt && view.Status.IsTerminal())
            {
                Apply(trial with { StopReason = trial.StopReason ?? view.StopReason }, view.Status, view.Last, view.Error, view.Silo, view.WallSeconds);
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
                var where = _live.FirstOrDefault(s => s.Endpoint == view.Silo)?.Key;
                if (where is not null) Put(trial with { AssignedSilo = where });
            }
            else if (!view.IsTraining)
            {
                // Nothing will resume a trial of a cancelled sweep; any other goes back in the queue.
                Put(trial with { AssignedSilo = null, Status = _header.Status == SweepStatus.Cancelled ? TrialStatus.Cancelled : TrialStatus.Pending });
            }
        }
        FinishIfDone();
        FinishTick();
        return null;
    }

    // A trial paused at a decision epoch by a decision this machine no longer remembers (it was restored from state
    // older than that decision): the scheduler hears of that epoch again, so the rung or the PBT generation waiting
    // there counts the trial. It stays paused unless the scheduler now decides otherwise.
    private void AdoptPause(TrialSummary trial, TrialView view)
    {
        trial = trial with { EpochsDone = view.Epochs, LastMetric = MetricOf(view.Last), Status = TrialStatus.Paused, AssignedSilo = null };
        var epoch = view.Epochs;
        SchedulingDecision decision;
        if (epoch > 0 && view.Last is { } last && _scheduler.IsDecisionEpoch(epoch, _plan.EpochsOf(trial.Index)))
            (trial, decision) = Record(trial, [last]);
        else
            decision = new SchedulingDecision(TrialDecision.Pause, view.StopReason);
        Put(trial);
        Act(trial.Index, decision, epoch);
        ApplyScheduledActions();
    }

    private Directive? Cancel()
    {
        if (_header.Status != SweepStatus.Running) return null;
        _header = _header with { Status = SweepStatus.Cancelled };
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

    private void Dispatch()
    {
        if (_header.Status == SweepStatus.Cancelled) CancelIdleTrials();
        if (_header.Status != SweepStatus.Running || _book.Total == 0) return;
        SettleIdlePausedTrials();
        if (!_book.AnyQueued)
        {
            FinishIfDone(); // settling may have ended the last trials
            return;
        }
        var slots = _live.ToDictionary(s => s.Key, s => s.Slots, StringComparer.Ordinal);
        var load = new Dictionary<string, int>(_book.Load, StringComparer.Ordinal);
        var capacity = slots.Values.Sum();
        if (_plan.Spec.MaxConcurrent > 0) capacity = Math.Min(capacity, _plan.Spec.MaxConcurrent);
        var inFlight = _book.InFlight.Count;
        if (inFlight >= capacity) return;
        // A PBT donor waits at its boundary until every copier has its copy: trained on, it would hold a newer checkpoint
        // and its copiers' starts would fail for ever. A copier keeps its restart until its start is answered (queued
        // copiers come first, see TrialBook.QueueKey); the grain got this by stopping at a failed start, but the
        // machine's starts are carried out together. A held donor's slot is filled on a later dispatch.
        var copied = _book.InFlight.Select(i => _book[i].PendingRestart?.Donor).OfType<int>().ToHashSet();
        foreach (var index in _book.NextQueued(capacity - inFlight))
        {
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
            var storeFirst = raised || _ceilingsUnstored || _plan.Spec.Scheduler != SchedulerKind.Fifo;
            if (storeFirst && !_commands.Contains(Persist.Instance)) PersistNow();
            Emit(start);
            load[silo] = load.GetValueOrDefault(silo) + 1;
        }
        FinishIfDone();
    }

    private StartTrial Dispatch(TrialSummary trial, string silo, out bool raisedCeiling)
    {
        var attempt = Math.Max(trial.Attempt, trial.AttemptCeiling - AttemptReserve) + 1;
        raisedCeiling = attempt > trial.AttemptCeiling;
        trial = trial with
        {
            Attempt = attempt, AssignedSilo = silo, DispatchedAt = _now, Status = TrialStatus.Pending,
            AttemptCeiling = raisedCeiling ? attempt + AttemptReserve - 1 : trial.AttemptCeiling,
        };
        Put(trial);
        var epochs = _plan.EpochsOf(trial.Index);
        var decisionEpochs = DecisionEpochs(epochs);
        if (trial.PendingRestart is not { } restart)
            return new StartTrial(trial.Index, trial.Attempt, silo, trial.SpecOverride ?? _plan.SearcherSpec(trial.Index), decisionEpochs, null, 0, trial.Failures);
        return new StartTrial(trial.Index, trial.Attempt, silo, RestartSpec(trial.Index, restart), decisionEpochs, restart.Donor, restart.Epoch, trial.Failures);
    }

    /// <summary>The spec a PBT restart of trial <paramref name="index"/> runs: its donor's current spec, explored.</summary>
    private TrialSpec RestartSpec(int index, PendingRestart restart)
    {
        var donorSpec = _book[restart.Donor].SpecOverride ?? _plan.SearcherSpec(restart.Donor);
        var resampled = restart.ResampleDraw is { } draw ? _plan.Searcher.Draw(draw) : null;
        return PbtExplore.Apply(donorSpec, restart.ToRestart(index), resampled);
    }

    /// <summary>A PBT restart that was carried out: its exploit recorded (once), the spec it runs from now on.</summary>
    private TrialSummary Restarted(TrialSummary trial, PendingRestart restart, TrialSpec spec) => trial with
    {
        Exploits = trial.WithExploit(ExploitRecord.Of(restart)),
        PendingRestart = null,
        SpecOverride = spec.SameAs(_plan.SearcherSpec(trial.Index)) ? null : spec, // by value: the lists are new copies
    };

    private IReadOnlyList<int>? DecisionEpochs(int epochs)
    {
        if (!_decisionEpochs.TryGetValue(epochs, out var list))
            _decisionEpochs[epochs] = list = Enumerable.Range(1, Math.Max(0, epochs - 1)).Where(e => _scheduler.IsDecisionEpoch(e, epochs)).ToArray();
        return list.Length > 0 ? list : null;
    }

    // Shows each epoch to the scheduler and keeps the last one in the summary; returns the decision about the last.
    private (TrialSummary Trial, SchedulingDecision Decision) Record(TrialSummary trial, IReadOnlyList<EpochRecord> records)
    {
        var decision = SchedulingDecision.Continue;
        foreach (var record in records)
        {
            var metric = MetricOf(record);
            trial = WithBest(trial with { EpochsDone = record.Epoch, LastMetric = metric }, metric, record.Epoch);
            decision = _scheduler.OnEpoch(new TrialEpochResult(trial.Index, _plan.Spec.CombinationOf(trial.Index), record, metric, _plan.EpochsOf(trial.Index)));
        }
        return (trial, decision);
    }

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

    /// <returns>Whether the scheduler, told of the trial's end, decided about other trials.</returns>
    private bool Apply(TrialSummary trial, TrialStatus status, EpochRecord? last, string? error, string? silo, double wallSeconds)
    {
        var metric = MetricOf(last);
        trial = WithBest(trial, metric, last?.Epoch ?? 0) with
        {
            EpochsDone = last?.Epoch ?? 0,
            LastMetric = metric,
            Silos = trial.WithSilo(silo),
            // The trial grain's total over every attempt and segment; a total read from older storage may be smaller.
            WallSeconds = Math.Max(trial.WallSeconds, wallSeconds),
            Error = error,
            AssignedSilo = null,
        };
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
        _scheduler.OnTrialFinished(trial.Index, status, metric);
        return ApplyScheduledActions();
    }

    /// <returns>Whether the sweep ended now (then it was stored and published).</returns>
    private bool FinishIfDone()
    {
        if (!_book.AllEnded || _header.FinishedAt is not null || _book.Total == 0) return false;
        // A trial the scheduler pruned ran as planned (ASHA may legitimately promote nothing to the last rung).
        var status = _header.Status != SweepStatus.Running ? _header.Status
            : _book.CountOf(TrialStatus.Completed) + _book.CountOf(TrialStatus.Pruned) > 0 ? SweepStatus.Completed : SweepStatus.Failed;
        _header = _header with { Status = status, FinishedAt = _now };
        Emit(StopTicking.Instance);
        PersistNow();
        Emit(PublishListing.Instance);
        return true;
    }

    // The trial's summary if a message from this attempt is to be acted on: not from an attempt replaced since, not
    // about a trial that ended. An attempt newer than the summary's was dispatched before this machine was restored
    // from older state: it is adopted. A PBT restart still waiting for its start's answer while the trial is in flight
    // was dispatched and stored, but the answer was lost with a coordinator that restarted before storing it: word from
    // the attempt shows the start was carried out, so the exploit is recorded now, as the answer would have.
    private TrialSummary? Current(int index, int attempt)
    {
        if (!_book.Contains(index)) return null;
        var trial = _book[index];
        if (trial.Status.IsTerminal() || attempt < trial.Attempt) return null;
        // A queued trial has no attempt in flight: word from the attempt it was queued after is late (that attempt's end
        // was applied, its run found gone, or its pause decided; a duplicate, or a call that timed out). Acting on it
        // would count one failure twice, or move on a trial that waits for its next start.
        if (attempt == trial.Attempt && trial.Queued) return null;
        if (attempt > trial.Attempt) trial = trial with { Attempt = attempt };
        if (trial.InFlight && trial.PendingRestart is { } restart) trial = Restarted(trial, restart, RestartSpec(index, restart));
        if (!ReferenceEquals(trial, _book[index])) Put(trial);
        return trial;
    }

    private void Put(TrialSummary trial)
    {
        _book.Put(trial);
        _changed.Add(trial.Index);
        Dirty = true;
    }

    private bool IsLive(string silo) => _live.Any(s => s.Key == silo);

    private double? MetricOf(EpochRecord? record) => record is null ? null : _plan.Spec.Metric.ValueOf(record);

    // The best metric so far and its epoch: an epoch that only equals the best keeps the earlier epoch.
    private TrialSummary WithBest(TrialSummary trial, double? metric, int epoch)
    {
        var best = Better(trial.BestMetric, metric);
        return best == trial.BestMetric ? trial : trial with { BestMetric = best, BestEpoch = epoch };
    }

    private double? Better(double? best, double? candidate) =>
        candidate is not { } c || !double.IsFinite(c) ? best
        : best is not { } b || _plan.Spec.Metric.IsBetter(c, b) ? c
        : b;

    private void Emit(SweepCommand command) => _commands.Add(command);

    private void PersistNow()
    {
        _ceilingsUnstored = false;
        Emit(Persist.Instance);
        Dirty = false;
    }

    private void PersistIfDirty()
    {
        if (Dirty) PersistNow();
    }

    private sealed record SweepHeader(string Name, SweepStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
}

/// <summary>A sweep's counts per status, epochs done and planned, and its best completed trial.</summary>
/// <param name="EpochsPlanned">Epochs every trial would run to the end, less those that trials which ended early by
/// themselves (pruned, diverged, failed for good) will not run; a cancelled sweep keeps its plan.</param>
public sealed record SweepTally(IReadOnlyDictionary<TrialStatus, int> Counts, long EpochsDone, long EpochsPlanned, int? BestTrial, double? BestMetric);
