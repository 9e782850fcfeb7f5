// A sweep coordinator: one grain per sweep. It validates and expands the spec, stores the sweep and every trial's
// state, places trials on the silo with the most free slots, retries failed trials, aggregates results as they
// arrive and builds the report. Every call returns quickly; a grain timer (kept only while the sweep runs) drives
// dispatch, periodic state flushes and reconciliation with the trial grains, which are the source of truth for
// their own progress — so a deactivated coordinator loses nothing: it reloads, asks its trials, and carries on.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.Placement;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Specs;
using SweepCluster.Reporting;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Grains.Coordination;

public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<SweepGrainState> state,
    IOptions<SweepCoordinatorOptions> options,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    /// <summary>Slots assumed for a live silo that has not registered its own count yet.</summary>
    private const int UnregisteredSiloSlots = 1;

    private const string WakeUpReminder = "wake-up";

    private SweepSpec? _spec;
    private ISearcher? _searcher;
    private ITrialScheduler _scheduler = new FifoScheduler();
    private int[] _trialEpochs = [];
    private IGrainTimer? _timer;
    private bool _dirty;
    private DateTimeOffset _lastReconcile = DateTimeOffset.MinValue;
    private long _epochsPlanned;
    private Dictionary<string, int>? _liveSlots;
    private DateTimeOffset _liveSlotsAt;

    private string SweepId => this.GetPrimaryKeyString();
    private SweepGrainState Sweep => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Sweep.Submission is not { } submission) return;
        Load(submission);
        if (AllTerminal()) return;
        logger.LogInformation("Coordinator of {Sweep} activated mid-sweep; reconciling with its trials", SweepId);
        StartTimer();
        await EnsureReminderAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Sweep.Submission is null || AllTerminal())
        {
            await RemoveReminderAsync();
            return;
        }
        StartTimer(); // the activation that received it may be a fresh one
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await WriteAsync(cancellationToken);
    }

    public async Task<SubmitResult> SubmitAsync(SweepSubmission submission)
    {
        if (!SweepIds.IsValid(SweepId)) return Refused(SubmitOutcome.Invalid, $"{SweepId}: {SweepIds.Rule}");
        if (Sweep.Submission is { } existing)
            return existing.SpecText == submission.SpecText && existing.SourceName == submission.SourceName
                ? new SubmitResult(SubmitOutcome.AlreadyExists, SweepId, Sweep.Name, Sweep.Trials.Count, [])
                : Refused(SubmitOutcome.IdConflict, $"sweep id '{SweepId}' is already used by a different spec; choose another --id");
        if (submission.SpecText.Length > SpecLimits.MaxFileBytes)
            return Refused(SubmitOutcome.Invalid, $"{submission.SourceName}: the spec is {submission.SpecText.Length:N0} characters; the limit is {SpecLimits.MaxFileBytes:N0}");
        try
        {
            Load(submission);
            var dataErrors = await Task.Run(() => SweepPreflight.Check(_spec!, _searcher!));
            if (dataErrors.Count > 0) throw new SpecException(dataErrors);
        }
        catch (SpecException error)
        {
            _spec = null;
            _searcher = null;
            return new SubmitResult(SubmitOutcome.Invalid, SweepId, "", 0, error.Errors.Select(e => e.ToString()).ToArray());
        }

        Sweep.Submission = submission;
        Sweep.Name = _spec!.Name;
        Sweep.Status = SweepStatus.Running;
        Sweep.CreatedAt = DateTimeOffset.UtcNow;
        Sweep.Trials = Enumerable.Range(0, _searcher!.TotalTrials).Select(i => new CoordinatedTrial { Index = i }).ToList();
        await WriteAsync();
        await UpdateIndexAsync();
        StartTimer();
        await EnsureReminderAsync();
        await DispatchAsync();
        return new SubmitResult(SubmitOutcome.Created, SweepId, Sweep.Name, Sweep.Trials.Count, []);
    }

    public Task<SweepProgress?> GetProgressAsync()
    {
        if (Sweep.Submission is null || _spec is null) return Task.FromResult<SweepProgress?>(null);
        var counts = Sweep.Trials.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        var best = BestCompleted();
        return Task.FromResult<SweepProgress?>(new SweepProgress(SweepId, Sweep.Name, Sweep.Status, Sweep.Trials.Count, counts,
            Sweep.Trials.Sum(t => (long)t.History.Count), EpochsPlanned(), _spec.Metric.Name,
            best?.Metric, best is { } b ? Describe(b.Entry.Index) : null, Sweep.CreatedAt, Sweep.FinishedAt));
    }

    // A trial that ended early by itself (pruned by the scheduler, diverged, failed for good) plans no more epochs than it
    // ran: with ASHA or median stopping the planned total shrinks as trials are stopped, so progress and its ETA stay
    // honest. A cancelled sweep keeps its plan, so its progress shows how far it got.
    private long EpochsPlanned() =>
        _epochsPlanned - Sweep.Trials.Where(t => t.Status is TrialStatus.Pruned or TrialStatus.Diverged or TrialStatus.Failed)
            .Sum(t => (long)Math.Max(0, _trialEpochs[t.Index] - t.History.Count));

    public Task<string?> GetReportJsonAsync()
    {
        if (Sweep.Submission is null || _spec is null || _searcher is null) return Task.FromResult<string?>(null);
        var configurations = Enumerable.Range(0, Sweep.Trials.Count).Select(_searcher.Suggest).ToArray();
        var results = Sweep.Trials.Select(t => new TrialResult(t.Index, configurations[t.Index].Combination, configurations[t.Index].Seed,
            t.Status, t.History.ToArray(), MetricOf(t), t.Error, t.Silos.ToArray(), t.WallSeconds, t.Attempt, t.StopReason, t.StoppedAtEpoch,
            t.Exploits.Select(e => e.ToEvent()).ToArray())).ToArray();
        var report = SweepReportBuilder.Build(new SweepReportInput(SweepId, Sweep.Name, Sweep.Status, _spec.Metric, configurations, results,
            Sweep.CreatedAt, Sweep.FinishedAt));
        return Task.FromResult<string?>(SweepReportJson.Serialize(report));
    }

    public async Task<bool> CancelAsync()
    {
        if (Sweep.Submission is null) return false;
        if (Sweep.Status != SweepStatus.Running) return true;
        Sweep.Status = SweepStatus.Cancelled;
        var inFlight = new List<Task>();
        foreach (var entry in Sweep.Trials.Where(t => !t.Status.IsTerminal()))
        {
            if (entry.InFlight) inFlight.Add(Trial(entry.Index).CancelAsync());
            else entry.Status = TrialStatus.Cancelled;
        }
        await Task.WhenAll(inFlight);
        await FinishIfDoneAsync();
        await WriteAsync();
        await UpdateIndexAsync();
        return true;
    }

    public Task ReportEpochsAsync(TrialEpochs epochs)
    {
        var entry = EntryFor(epochs.TrialIndex, epochs.Attempt);
        if (entry is null) return Task.CompletedTask;
        entry.WallSeconds = Math.Max(entry.WallSeconds, epochs.WallSeconds);
        NoteSilo(entry, epochs.Silo);
        Record(entry, epochs.Records); // decisions about epochs the trial does not wait at are not acted on
        if (entry.Status == TrialStatus.Pending) entry.Status = TrialStatus.Running; // never un-pauses a paused trial
        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task<TrialDirective> DecideAsync(TrialEpochs epochs)
    {
        var entry = EntryFor(epochs.TrialIndex, epochs.Attempt);
        if (entry is null || epochs.Records.Count == 0) return AnswerToStaleQuestion(epochs);
        var epoch = epochs.Records[^1].Epoch;
        if (entry.Status == TrialStatus.Paused && entry.StoppedAtEpoch == epoch)
            return new TrialDirective(TrialDecision.Pause, entry.StopReason); // asked again (the answer was lost): decided already
        entry.WallSeconds = Math.Max(entry.WallSeconds, epochs.WallSeconds);
        NoteSilo(entry, epochs.Silo);
        var decision = Record(entry, epochs.Records);
        if (!_scheduler.IsDecisionEpoch(epoch, _trialEpochs[entry.Index])) decision = SchedulingDecision.Continue;
        entry.Status = TrialStatus.Running;
        _dirty = true;
        Decide(entry, decision, epoch);
        var acted = ApplyScheduledActions();
        // Stored before anyone acts on it (the trial on its answer, restarted trials on their dispatch): a coordinator
        // that restarts must not wake up before a decision that trials have already followed, or it would decide that
        // rung or PBT generation again without the trials that arrived there.
        await StoreAsync();
        if (decision.Decision != TrialDecision.Continue || acted)
        {
            // The trial stops here: its slot is free now. (It answers after this call, and a trial started again while
            // it waits queues the new attempt behind the stopping one.)
            await FinishIfDoneAsync();
            await DispatchAsync();
        }
        // What the trial does now follows from where this turn left it: settling may have pruned it (it then ends
        // Pruned itself), and a trial resumed in the same turn still stops here (its new attempt starts after).
        return entry.Status switch
        {
            TrialStatus.Running => new TrialDirective(TrialDecision.Continue, decision.Reason),
            TrialStatus.Pruned => new TrialDirective(TrialDecision.Stop, entry.StopReason),
            _ => new TrialDirective(TrialDecision.Pause, decision.Reason),
        };
    }

    // A question this coordinator does not act on: from an attempt it has replaced since, or about a trial it has pruned
    // (asked again after the answer was lost). Training on would run epochs no one records, so those stop there.
    private TrialDirective AnswerToStaleQuestion(TrialEpochs epochs)
    {
        if (epochs.TrialIndex < 0 || epochs.TrialIndex >= Sweep.Trials.Count) return TrialDirective.Continue;
        var entry = Sweep.Trials[epochs.TrialIndex];
        if (entry.Status == TrialStatus.Pruned) return new TrialDirective(TrialDecision.Stop, entry.StopReason);
        return entry.Attempt > epochs.Attempt
            ? new TrialDirective(TrialDecision.Pause, $"attempt {epochs.Attempt} was replaced by attempt {entry.Attempt}")
            : TrialDirective.Continue;
    }

    public async Task<string?> GetReplayAsync(int trialIndex)
    {
        if (Sweep.Submission is null || trialIndex < 0 || trialIndex >= Sweep.Trials.Count) return null;
        return await Trial(trialIndex).GetReplayAsync();
    }

    // Stores the epochs in the trial's history and shows each to the scheduler; returns the decision about the last.
    private SchedulingDecision Record(CoordinatedTrial entry, IReadOnlyList<EpochRecord> records)
    {
        var decision = SchedulingDecision.Continue;
        foreach (var record in records)
        {
            if (entry.History.Count >= record.Epoch) entry.History.RemoveRange(record.Epoch - 1, entry.History.Count - record.Epoch + 1); // resumed
            entry.History.Add(record);
            decision = _scheduler.OnEpoch(new TrialEpochResult(entry.Index, _spec!.CombinationOf(entry.Index), record, _spec.Metric.ValueOf(record),
                _trialEpochs[entry.Index]));
        }
        return decision;
    }

    // Acts on a scheduler decision about a trial: the one that asked (stopped at epoch) or a paused one.
    private void Decide(CoordinatedTrial entry, SchedulingDecision decision, int epoch)
    {
        switch (decision.Decision)
        {
            case TrialDecision.Continue when entry.Status == TrialStatus.Paused || decision.Restart is not null:
                entry.Status = TrialStatus.Pending; // back in the queue: it resumes from its checkpoint
                entry.AssignedSilo = null;
                entry.StopReason = null;
                entry.StoppedAtEpoch = null;
                entry.PendingRestart = decision.Restart is { } restart ? PendingRestart.From(restart) : null;
                break;
            case TrialDecision.Continue:
                break;
            case TrialDecision.Pause:
                entry.Status = TrialStatus.Paused;
                entry.AssignedSilo = null;
                (entry.StopReason, entry.StoppedAtEpoch) = (decision.Reason, epoch);
                break;
            case TrialDecision.Stop:
                entry.Status = TrialStatus.Pruned;
                entry.AssignedSilo = null;
                (entry.StopReason, entry.StoppedAtEpoch) = (decision.Reason, epoch);
                logger.LogInformation("Trial {Sweep}/{Trial} pruned after epoch {Epoch}: {Reason}", SweepId, entry.Index, epoch, decision.Reason);
                _scheduler.OnTrialFinished(entry.Index, TrialStatus.Pruned, MetricOf(entry));
                break;
        }
        _dirty = true;
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
                if (action.TrialIndex < 0 || action.TrialIndex >= Sweep.Trials.Count) continue;
                var entry = Sweep.Trials[action.TrialIndex];
                if (entry.Status != TrialStatus.Paused) continue;
                Decide(entry, action.Decision, entry.StoppedAtEpoch ?? entry.History.Count);
                acted = true;
            }
        }
        return acted;
    }

    // Nothing is queued or training but trials are paused: nothing can arrive that would change their scheduler's
    // mind, so it decides now (ASHA prunes them); a trial it leaves paused is pruned, so the sweep always ends.
    private async Task SettleIdlePausedTrialsAsync()
    {
        var paused = Sweep.Trials.Where(t => t.Status == TrialStatus.Paused).Select(t => t.Index).ToArray();
        if (paused.Length == 0 || Sweep.Trials.Any(t => t.Queued || t.InFlight)) return;
        foreach (var action in _scheduler.OnIdle(paused))
        {
            var entry = Sweep.Trials[action.TrialIndex];
            if (entry.Status == TrialStatus.Paused) Decide(entry, action.Decision, entry.StoppedAtEpoch ?? entry.History.Count);
        }
        ApplyScheduledActions();
        foreach (var entry in Sweep.Trials.Where(t => t.Status == TrialStatus.Paused))
            Decide(entry, new SchedulingDecision(TrialDecision.Stop, entry.StopReason ?? "paused with nothing left to wait for"), entry.StoppedAtEpoch ?? entry.History.Count);
        // The trial grains learn it too, so they agree with the coordinator (a pruned trial is terminal everywhere).
        var pruned = paused.Where(i => Sweep.Trials[i].Status == TrialStatus.Pruned).ToArray();
        try
        {
            await Task.WhenAll(pruned.Select(i => Trial(i).PruneAsync(Sweep.Trials[i].StopReason)));
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Not every pruned trial of {Sweep} was told; the coordinator's record stands", SweepId);
        }
    }

    public async Task ReportFinishedAsync(TrialFinished finished)
    {
        var entry = EntryFor(finished.TrialIndex, finished.Attempt);
        if (entry is null) return;
        // Written here only when the scheduler decided about other trials: otherwise the timer flushes every tick, and
        // a coordinator that restarts from older state gets any result it missed back from the trial grain
        // (reconciliation, or the snapshot a re-dispatch returns).
        if (Apply(entry, finished.Status, finished.History, finished.Error, finished.Silo, finished.WallSeconds))
            await StoreAsync(); // the scheduler decided about other trials: stored before they are dispatched on it
        _dirty = true;
        await FinishIfDoneAsync();
        await DispatchAsync();
    }

    /// <summary>The silos that ran the trial, in order (a trial paused or stopped by its scheduler reports only epochs).</summary>
    private static void NoteSilo(CoordinatedTrial entry, string? silo)
    {
        if (silo is not null && (entry.Silos.Count == 0 || entry.Silos[^1] != silo)) entry.Silos.Add(silo);
    }

    /// <summary>Stores the sweep's state now (rather than on the next tick).</summary>
    private async Task StoreAsync()
    {
        await WriteAsync();
        _dirty = false;
    }

    /// <returns>Whether the scheduler, told of the trial's end, decided about other trials.</returns>
    private bool Apply(CoordinatedTrial entry, TrialStatus status, IReadOnlyList<EpochRecord> history, string? error, string? silo, double wallSeconds)
    {
        entry.History = history.ToList();
        NoteSilo(entry, silo);
        // The trial grain's total over every attempt and segment; a total read from older storage may be smaller.
        entry.WallSeconds = Math.Max(entry.WallSeconds, wallSeconds);
        entry.Error = error;
        entry.AssignedSilo = null;
        if (status == TrialStatus.Failed && entry.Failures++ < _spec!.Retries && Sweep.Status == SweepStatus.Running)
        {
            logger.LogInformation("Trial {Sweep}/{Trial} failed ({Error}); retry {Retry} of {Retries}", SweepId, entry.Index, error, entry.Failures, _spec.Retries);
            entry.Status = TrialStatus.Pending; // back in the queue
            return false;
        }
        entry.Status = status;
        if (status == TrialStatus.Pruned) entry.StopReason ??= "stopped by the trial scheduler";
        _scheduler.OnTrialFinished(entry.Index, status, MetricOf(entry));
        return ApplyScheduledActions();
    }

    private async Task TickAsync(CancellationToken cancellation)
    {
        var lost = await OnLostSilosAsync();
        if (lost || DateTimeOffset.UtcNow - _lastReconcile >= options.Value.ReconcilePeriod) await ReconcileAsync();
        if (_dirty) await StoreAsync(); // what reconciling decided, before dispatching on it
        await DispatchAsync();
        if (_dirty) await StoreAsync();
        if (AllTerminal())
        {
            StopTimer();
            await RemoveReminderAsync();
        }
    }

    /// <summary>Whether an in-flight trial sits on a silo that is no longer in the cluster (then reconcile at once).</summary>
    private async Task<bool> OnLostSilosAsync()
    {
        var assigned = Sweep.Trials.Where(t => t.InFlight).Select(t => t.AssignedSilo!).ToHashSet();
        if (assigned.Count == 0) return false;
        var live = await LiveSlotsAsync();
        return assigned.Any(silo => !live.ContainsKey(silo));
    }

    // Asks every in-flight trial for its stored state: results that were not delivered are applied, and trials that
    // are not training any more (their silo was lost or they were deactivated) go back in the queue to resume from
    // their checkpoint.
    private async Task ReconcileAsync()
    {
        _lastReconcile = DateTimeOffset.UtcNow;
        var live = await LiveSlotsAsync();
        foreach (var entry in Sweep.Trials.Where(t => t.InFlight).ToArray())
        {
            TrialSnapshot snapshot;
            try
            {
                snapshot = await Trial(entry.Index).GetSnapshotAsync();
            }
            catch (Exception error)
            {
                logger.LogDebug(error, "Trial {Sweep}/{Trial} did not answer; it stays in flight", SweepId, entry.Index);
                continue;
            }
            if (snapshot.Attempt >= entry.Attempt && snapshot.Status.IsTerminal())
            {
                entry.StopReason ??= snapshot.StopReason;
                Apply(entry, snapshot.Status, snapshot.History, snapshot.Error, snapshot.Silo, snapshot.WallSeconds);
                _dirty = true;
            }
            else if (snapshot.Attempt >= entry.Attempt && snapshot.Status == TrialStatus.Paused && !snapshot.IsTraining)
            {
                await AdoptPauseAsync(entry, snapshot);
            }
            else if (snapshot.IsTraining && !live.ContainsKey(entry.AssignedSilo!))
            {
                // Training, so on a live silo (a call never reaches an activation of a dead one), just not the one it
                // was sent to (that silo died before the start landed and the placement went elsewhere): it is
                // followed where it is. Starting it again would queue a second run behind the one that trains.
                entry.AssignedSilo = live.Keys.FirstOrDefault(silo => SiloAddress.FromParsableString(silo).Endpoint.ToString() == snapshot.Silo)
                    ?? entry.AssignedSilo;
                _dirty = true;
            }
            else if (!snapshot.IsTraining)
            {
                entry.AssignedSilo = null;
                _dirty = true;
                if (Sweep.Status == SweepStatus.Cancelled)
                {
                    entry.Status = TrialStatus.Cancelled; // nothing will resume it: the sweep was cancelled
                    continue;
                }
                logger.LogInformation("Trial {Sweep}/{Trial} is not training any more; it will resume from its checkpoint", SweepId, entry.Index);
                entry.Status = TrialStatus.Pending;
            }
        }
        await FinishIfDoneAsync();
    }

    // A trial paused at a decision epoch by a decision this coordinator no longer remembers (it restarted from state
    // older than that decision, e.g. its silo died): the scheduler hears of that epoch again, so the rung or the PBT
    // generation waiting there counts the trial — without this, a generation would be released without the members
    // that had arrived before the restart. The trial stays paused unless the scheduler now decides otherwise.
    private async Task AdoptPauseAsync(CoordinatedTrial entry, TrialSnapshot snapshot)
    {
        entry.History = snapshot.History.ToList();
        entry.Status = TrialStatus.Paused;
        entry.AssignedSilo = null;
        var epoch = entry.History.Count;
        var decision = epoch > 0 && _scheduler.IsDecisionEpoch(epoch, _trialEpochs[entry.Index])
            ? Record(entry, [entry.History[^1]])
            : new SchedulingDecision(TrialDecision.Pause, snapshot.StopReason);
        Decide(entry, decision, epoch);
        ApplyScheduledActions();
        if (entry.Status != TrialStatus.Pruned) return;
        try
        {
            await Trial(entry.Index).PruneAsync(entry.StopReason);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Trial {Sweep}/{Trial} was not told it is pruned; the coordinator's record stands", SweepId, entry.Index);
        }
    }

    private async Task DispatchAsync()
    {
        if (Sweep.Status != SweepStatus.Running || _searcher is null) return;
        await SettleIdlePausedTrialsAsync();
        // PBT restarts first (their donors wait at the boundary until every copier has its copy), then trials that
        // resume (promoted or preempted ones, as ASHA prefers promotions to new trials), then new trials in order.
        var queued = Sweep.Trials.Where(t => t.Queued)
            .OrderBy(t => t.PendingRestart is null ? 1 : 0)
            .ThenBy(t => t.History.Count > 0 ? 0 : 1)
            .ThenBy(t => t.Index)
            .ToArray();
        if (queued.Length == 0)
        {
            await FinishIfDoneAsync(); // settling may have ended the last trials
            return;
        }
        var slots = await LiveSlotsAsync();
        var load = Sweep.Trials.Where(t => t.InFlight).GroupBy(t => t.AssignedSilo!).ToDictionary(g => g.Key, g => g.Count());
        var capacity = slots.Values.Sum();
        if (_spec!.MaxConcurrent > 0) capacity = Math.Min(capacity, _spec.MaxConcurrent);
        var inFlight = load.Values.Sum();
        foreach (var entry in queued)
        {
            if (inFlight >= capacity) break;
            var silo = TrialPlacement.Choose(slots, load);
            if (silo is null) break;
            if (!await StartTrialAsync(entry, silo)) break;
            load[silo] = load.GetValueOrDefault(silo) + 1;
            inFlight++;
            _dirty = true;
        }
        await FinishIfDoneAsync();
    }

    private async Task<bool> StartTrialAsync(CoordinatedTrial entry, string silo)
    {
        entry.Attempt++;
        entry.AssignedSilo = silo;
        entry.DispatchedAt = DateTimeOffset.UtcNow;
        entry.Status = TrialStatus.Pending;
        var (specJson, donor) = AssignedSpec(entry);
        var epochs = _trialEpochs[entry.Index];
        var decisionEpochs = Enumerable.Range(1, Math.Max(0, epochs - 1)).Where(e => _scheduler.IsDecisionEpoch(e, epochs)).ToArray();
        var assignment = new TrialAssignment(SweepId, entry.Index, specJson, Sweep.Submission!.BaseDirectory, entry.Attempt,
            _spec!.Checkpoints.EveryEpochs, decisionEpochs.Length > 0 ? decisionEpochs : null, donor, _spec.Checkpoints.Seconds);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(silo));
        try
        {
            var snapshot = await Trial(entry.Index).StartAsync(assignment);
            entry.Attempt = Math.Max(entry.Attempt, snapshot.Attempt);
            if (donor is not null)
            {
                entry.History = snapshot.History.ToList(); // the donor's epochs (or its own, had it done this restart before)
                entry.RecordExploit(ExploitRecord.Of(entry.PendingRestart!));
                entry.PendingRestart = null;
            }
            entry.SpecJson = specJson == SearcherSpecJson(entry.Index) ? null : specJson;
            if (snapshot.Status.IsTerminal() && snapshot.Status != TrialStatus.Failed && !snapshot.IsTraining)
            {
                // It had finished before (a result this coordinator never stored): take the result, do not re-run.
                Apply(entry, snapshot.Status, snapshot.History, snapshot.Error, snapshot.Silo, snapshot.WallSeconds);
            }
            return true;
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not start trial {Sweep}/{Trial} on {Silo}; it stays queued", SweepId, entry.Index, silo);
            entry.AssignedSilo = null;
            return false;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>The spec the trial runs now, and for a PBT restart the spec after explore and the donor to copy.</summary>
    private (string SpecJson, TrialDonor? Donor) AssignedSpec(CoordinatedTrial entry)
    {
        if (entry.PendingRestart is not { } restart) return (entry.SpecJson ?? SearcherSpecJson(entry.Index), null);
        var donorSpec = TrialSpecJson.Deserialize(Sweep.Trials[restart.Donor].SpecJson ?? SearcherSpecJson(restart.Donor));
        var resampled = restart.ResampleDraw is { } draw ? _searcher!.Draw(draw) : null;
        var explored = PbtExplore.Apply(donorSpec, restart.ToRestart(entry.Index), resampled);
        return (TrialSpecJson.Serialize(explored), new TrialDonor($"{SweepId}/{restart.Donor}", restart.Epoch));
    }

    private string SearcherSpecJson(int index) => TrialSpecJson.Serialize(_searcher!.Suggest(index).Spec);

    // Membership and slot counts, refreshed at most once per tick: dispatching after every finished trial must not
    // cost two extra grain calls each time.
    private async Task<Dictionary<string, int>> LiveSlotsAsync()
    {
        if (_liveSlots is { } cached && DateTimeOffset.UtcNow - _liveSlotsAt < options.Value.TickPeriod) return cached;
        _liveSlots = await QueryLiveSlotsAsync();
        _liveSlotsAt = DateTimeOffset.UtcNow;
        return _liveSlots;
    }

    private async Task<Dictionary<string, int>> QueryLiveSlotsAsync()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var registered = await GrainFactory.GetGrain<ISiloDirectoryGrain>(ISiloDirectoryGrain.Key).GetSlotsAsync();
        return hosts.Keys.Select(a => a.ToParsableString()).ToDictionary(a => a, a => registered.GetValueOrDefault(a, UnregisteredSiloSlots));
    }

    private async Task FinishIfDoneAsync()
    {
        if (!AllTerminal() || Sweep.FinishedAt is not null) return;
        if (Sweep.Status == SweepStatus.Running)
            // A trial the scheduler pruned ran as planned (ASHA may legitimately promote nothing to the last rung).
            Sweep.Status = Sweep.Trials.Any(t => t.Status is TrialStatus.Completed or TrialStatus.Pruned) ? SweepStatus.Completed : SweepStatus.Failed;
        Sweep.FinishedAt = DateTimeOffset.UtcNow;
        StopTimer();
        await WriteAsync();
        _dirty = false;
        await UpdateIndexAsync();
    }

    private void Load(SweepSubmission submission)
    {
        var format = submission.IsJson ? SpecFormat.Json : SpecFormat.Yaml;
        _spec = SweepSpecLoader.Parse(submission.SpecText, format, submission.SourceName, submission.BaseDirectory, submission.AllowLarge);
        _searcher = SearcherFactory.Create(_spec);
        _trialEpochs = Enumerable.Range(0, _searcher.TotalTrials).Select(i => _searcher.Suggest(i).Spec.Epochs).ToArray();
        _epochsPlanned = _trialEpochs.Sum(e => (long)e);
        _scheduler = TrialSchedulerFactory.Create(_spec);
        _scheduler.RestoreState(Sweep.SchedulerState);
        _liveSlots = null;
    }

    // The trial's entry if a message from this attempt is to be acted on: not from an attempt replaced since. An attempt
    // newer than the entry's was dispatched by this coordinator before it restarted from older state: it is adopted.
    private CoordinatedTrial? EntryFor(int index, int attempt)
    {
        if (index < 0 || index >= Sweep.Trials.Count) return null;
        var entry = Sweep.Trials[index];
        if (entry.Status.IsTerminal() || attempt < entry.Attempt) return null;
        if (attempt > entry.Attempt) (entry.Attempt, _dirty) = (attempt, true);
        return entry;
    }

    private (CoordinatedTrial Entry, double Metric)? BestCompleted()
    {
        (CoordinatedTrial, double)? best = null;
        foreach (var entry in Sweep.Trials.Where(t => t.Status == TrialStatus.Completed))
            if (MetricOf(entry) is { } metric && (best is null || _spec!.Metric.IsBetter(metric, best.Value.Item2)))
                best = (entry, metric);
        return best;
    }

    private double? MetricOf(CoordinatedTrial entry) => entry.History.Count > 0 ? _spec!.Metric.ValueOf(entry.History[^1]) : null;

    private string Describe(int index) =>
        string.Join(", ", _searcher!.Suggest(index).Axes.Select(a => $"{a.Key}={a.Value}"));

    private bool AllTerminal() => Sweep.Trials.All(t => t.Status.IsTerminal());

    private ITrialGrain Trial(int index) => GrainFactory.GetGrain<ITrialGrain>($"{SweepId}/{index}");

    private Task UpdateIndexAsync() =>
        GrainFactory.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key)
            .UpsertAsync(new SweepListing(SweepId, Sweep.Name, Sweep.Status, Sweep.Trials.Count, Sweep.CreatedAt));

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.TickPeriod, options.Value.TickPeriod) { KeepAlive = true });

    private async Task EnsureReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(WakeUpReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
        }
        catch (Exception error)
        {
            // Without a reminder service the sweep still runs; only a coordinator whose silo died waits for the next call.
            logger.LogWarning(error, "No wake-up reminder for sweep {Sweep}", SweepId);
        }
    }

    private async Task RemoveReminderAsync()
    {
        try
        {
            if (await this.GetReminder(WakeUpReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Could not remove the wake-up reminder of {Sweep}", SweepId);
        }
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Stores the sweep with the scheduler's current state.</summary>
    private Task WriteAsync(CancellationToken cancellation = default)
    {
        Sweep.SchedulerState = _scheduler.SaveState();
        return state.WriteStateAsync(cancellation);
    }

    private SubmitResult Refused(SubmitOutcome outcome, string error) => new(outcome, SweepId, "", 0, [error]);
}
