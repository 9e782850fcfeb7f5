// A sweep coordinator: one grain per sweep. It validates and expands the spec, stores the sweep and every trial's
// state, places trials on the silo with the most free slots, retries failed trials, aggregates results as they
// arrive and builds the report. Every call returns quickly; a grain timer (kept only while the sweep runs) drives
// dispatch, periodic state flushes and reconciliation with the trial grains, which are the source of truth for
// their own progress — so a deactivated coordinator loses nothing: it reloads, asks its trials, and carries on.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime.Placement;
using SweepCluster.Engine.Specs;
using SweepCluster.Grains.Hosting;
using SweepCluster.Sweeps;
using SweepCluster.Sweeps.Reports;
using SweepCluster.Sweeps.Scheduling;
using SweepCluster.Sweeps.Search;
using SweepCluster.Sweeps.SweepSpecs;

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
    private readonly ITrialScheduler _scheduler = new FifoScheduler();
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
        if (_dirty) await state.WriteStateAsync(cancellationToken);
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
        await state.WriteStateAsync();
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
            Sweep.Trials.Sum(t => (long)t.History.Count), _epochsPlanned, _spec.Metric.Name,
            best?.Metric, best is { } b ? Describe(b.Entry.Index) : null, Sweep.CreatedAt, Sweep.FinishedAt));
    }

    public Task<string?> GetReportJsonAsync()
    {
        if (Sweep.Submission is null || _spec is null || _searcher is null) return Task.FromResult<string?>(null);
        var configurations = Enumerable.Range(0, Sweep.Trials.Count).Select(_searcher.Suggest).ToArray();
        var results = Sweep.Trials.Select(t => new TrialResult(t.Index, configurations[t.Index].Combination, configurations[t.Index].Seed,
            t.Status, t.History.ToArray(), MetricOf(t), t.Error, t.Silos.ToArray(), t.WallSeconds, t.Attempt)).ToArray();
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
        await state.WriteStateAsync();
        await UpdateIndexAsync();
        return true;
    }

    public Task ReportEpochsAsync(TrialEpochs epochs)
    {
        var entry = EntryFor(epochs.TrialIndex, epochs.Attempt);
        if (entry is null) return Task.CompletedTask;
        foreach (var record in epochs.Records)
        {
            if (entry.History.Count >= record.Epoch) entry.History.RemoveRange(record.Epoch - 1, entry.History.Count - record.Epoch + 1); // resumed
            entry.History.Add(record);
            _scheduler.OnEpoch(new TrialEpochResult(entry.Index, _spec!.CombinationOf(entry.Index), record, _spec.Metric.ValueOf(record)));
        }
        entry.Status = TrialStatus.Running;
        _dirty = true;
        return Task.CompletedTask;
    }

    public async Task ReportFinishedAsync(TrialFinished finished)
    {
        var entry = EntryFor(finished.TrialIndex, finished.Attempt);
        if (entry is null) return;
        // Not written here: the timer flushes every tick, and a coordinator that restarts from older state gets any
        // result it missed back from the trial grain (reconciliation, or the snapshot a re-dispatch returns).
        Apply(entry, finished.Status, finished.History, finished.Error, finished.Silo, finished.WallSeconds);
        _dirty = true;
        await FinishIfDoneAsync();
        await DispatchAsync();
    }

    private void Apply(CoordinatedTrial entry, TrialStatus status, IReadOnlyList<Engine.Training.EpochRecord> history, string? error, string? silo, double wallSeconds)
    {
        entry.History = history.ToList();
        if (silo is not null && (entry.Silos.Count == 0 || entry.Silos[^1] != silo)) entry.Silos.Add(silo);
        entry.WallSeconds += wallSeconds;
        entry.Error = error;
        entry.AssignedSilo = null;
        if (status == TrialStatus.Failed && entry.Failures++ < _spec!.Retries && Sweep.Status == SweepStatus.Running)
        {
            logger.LogInformation("Trial {Sweep}/{Trial} failed ({Error}); retry {Retry} of {Retries}", SweepId, entry.Index, error, entry.Failures, _spec.Retries);
            entry.Status = TrialStatus.Pending; // back in the queue
            return;
        }
        entry.Status = status;
        _scheduler.OnTrialFinished(entry.Index, status, MetricOf(entry));
    }

    private async Task TickAsync(CancellationToken cancellation)
    {
        var lost = await OnLostSilosAsync();
        if (lost || DateTimeOffset.UtcNow - _lastReconcile >= options.Value.ReconcilePeriod) await ReconcileAsync();
        await DispatchAsync();
        if (_dirty)
        {
            await state.WriteStateAsync();
            _dirty = false;
        }
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
                Apply(entry, snapshot.Status, snapshot.History, snapshot.Error, snapshot.Silo, 0);
                _dirty = true;
            }
            else if (!snapshot.IsTraining || !live.ContainsKey(entry.AssignedSilo!))
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

    private async Task DispatchAsync()
    {
        if (Sweep.Status != SweepStatus.Running || _searcher is null) return;
        var queued = Sweep.Trials.Where(t => t.Queued).ToArray();
        if (queued.Length == 0) return;
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
        var configuration = _searcher!.Suggest(entry.Index);
        var assignment = new TrialAssignment(SweepId, entry.Index, TrialSpecJson.Serialize(configuration.Spec),
            Sweep.Submission!.BaseDirectory, entry.Attempt, _spec!.CheckpointEvery);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(silo));
        try
        {
            var snapshot = await Trial(entry.Index).StartAsync(assignment);
            entry.Attempt = Math.Max(entry.Attempt, snapshot.Attempt);
            if (snapshot.Status.IsTerminal() && snapshot.Status != TrialStatus.Failed && !snapshot.IsTraining)
            {
                // It had finished before (a result this coordinator never stored): take the result, do not re-run.
                Apply(entry, snapshot.Status, snapshot.History, snapshot.Error, snapshot.Silo, 0);
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
            Sweep.Status = Sweep.Trials.Any(t => t.Status == TrialStatus.Completed) ? SweepStatus.Completed : SweepStatus.Failed;
        Sweep.FinishedAt = DateTimeOffset.UtcNow;
        StopTimer();
        await state.WriteStateAsync();
        _dirty = false;
        await UpdateIndexAsync();
    }

    private void Load(SweepSubmission submission)
    {
        var format = submission.IsJson ? SpecFormat.Json : SpecFormat.Yaml;
        _spec = SweepSpecLoader.Parse(submission.SpecText, format, submission.SourceName, submission.BaseDirectory, submission.AllowLarge);
        _searcher = SearcherFactory.Create(_spec);
        _epochsPlanned = Enumerable.Range(0, _searcher.TotalTrials).Sum(i => (long)_searcher.Suggest(i).Spec.Epochs);
        _liveSlots = null;
    }

    private CoordinatedTrial? EntryFor(int index, int attempt) =>
        index >= 0 && index < Sweep.Trials.Count && Sweep.Trials[index] is { } entry && entry.Attempt == attempt && !entry.Status.IsTerminal()
            ? entry
            : null;

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

    private SubmitResult Refused(SubmitOutcome outcome, string error) => new(outcome, SweepId, "", 0, [error]);
}
