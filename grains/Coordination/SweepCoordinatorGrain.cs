// A sweep coordinator: one grain per sweep, a thin shell around SweepMachine. It validates a submission, feeds the
// machine every message, tick and membership change, and carries out its commands: store the state, start a trial on
// a silo (with a placement hint), prune, cancel, ask trials for their state, publish the sweep's line. The machine
// decides; this grain does the I/O. A deactivated coordinator reloads the machine's stored state, asks its trials
// and carries on. It also hands the sweep's row and every changed trial summary to the silo's study recorder.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;
using SweepCluster.Abstractions;
using SweepCluster.Coordination;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Engine.Memory;
using SweepCluster.Grains.Datasets;
using SweepCluster.Grains.Recording;
using SweepCluster.Reporting;

namespace SweepCluster.Grains.Coordination;

public sealed class SweepCoordinatorGrain(
    [PersistentState("sweep", StorageNames.Sweeps)] IPersistentState<CoordinatorState> state,
    IOptions<SweepCoordinatorOptions> options,
    IStudyRecorder recorder,
    TrialMemoryBudget trialMemory,
    SiloDatasets datasets,
    ILogger<SweepCoordinatorGrain> logger) : Grain, ISweepCoordinatorGrain, IRemindable
{
    private SweepMachine? _machine;
    private IGrainTimer? _timer;
    private DateTimeOffset _membershipAt = DateTimeOffset.MinValue;

    /// <summary>The sweep status and end the study tables were last given.</summary>
    private SweepStatus _recordedStatus;

    private DateTimeOffset? _recordedFinished;

    /// <summary>
    /// Histories and per-step applied schedules of the completed trials the report plots, fetched from their trial grains
    /// once (a completed result never changes): a live page asks for the report every second, and finished trial grains
    /// are not kept in memory.
    /// </summary>
    private readonly Dictionary<int, PlottedTrial> _curveTrials = [];

    /// <summary>A plotted trial's history, and what it applied per step (null when its checkpoint could not be read).</summary>
    private sealed record PlottedTrial(IReadOnlyList<EpochRecord> History, AppliedSteps? Applied);

    private string SweepId => this.GetPrimaryKeyString();
    private SweepSubmission? Submission => state.State.Submission;
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Restore(options.Value.ReconcilePeriod) is not { } machine) return;
        _machine = machine;
        await RecordEverythingAsync(); // the study tables catch up with whatever the last activation had not written yet
        if (_machine.AllEnded) return;
        logger.LogInformation("Coordinator of {Sweep} activated mid-sweep; reconciling with its trials", SweepId);
        StartTicking();
        await WakeUpReminder.EnsureAsync(this, options.Value.ReminderPeriod, logger);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (_machine is null || _machine.AllEnded)
        {
            await WakeUpReminder.RemoveAsync(this, logger);
            return;
        }
        StartTicking(); // the activation that received it may be a fresh one
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_machine is { Dirty: true }) await PersistAsync(cancellationToken);
    }

    public async Task<SubmitResult> SubmitAsync(SweepSubmission submission)
    {
        if (Submission is { } existing)
        {
            if (existing.SpecText != submission.SpecText || existing.SourceName != submission.SourceName)
                return Refused(SubmitOutcome.IdConflict, $"sweep id '{SweepId}' is already used by a different spec; choose another --id");
            return existing.SameDataAs(submission)
                ? new SubmitResult(SubmitOutcome.AlreadyExists, SweepId, _machine!.Name, _machine.Plan.TotalTrials, [])
                : Refused(SubmitOutcome.IdConflict, $"sweep id '{SweepId}' is already used by this spec with other data (its data file changed since); choose another --id");
        }
        var (plan, errors) = await Task.Run(() => SubmissionCheck.Plan(SweepId, submission));
        if (plan is null) return new SubmitResult(SubmitOutcome.Invalid, SweepId, "", 0, errors);
        var (data, missing) = await datasets.ForSweepAsync(submission.Data ?? []);
        if (missing.Count > 0) return new SubmitResult(SubmitOutcome.Invalid, SweepId, "", 0, missing);
        var dataErrors = await Task.Run(() => SubmissionCheck.CheckData(plan, data, trialMemory));
        if (dataErrors.Count > 0) return new SubmitResult(SubmitOutcome.Invalid, SweepId, "", 0, dataErrors);

        _machine = SweepMachine.New(plan, options.Value.ReconcilePeriod);
        state.State = new CoordinatorState(submission, null);
        var created = Now;
        _recordedStatus = SweepStatus.Running;
        await recorder.RecordSweepAsync(new StudySweep(SweepId, plan.Spec.Name, submission.SpecText, SweepStatus.Running, created, null, plan.Spec.Metric));
        await ObserveMembershipAsync();
        await RunAsync(new SweepStarted(plan.Spec.Name, created));
        StartTicking();
        await WakeUpReminder.EnsureAsync(this, options.Value.ReminderPeriod, logger);
        logger.LogInformation("Sweep {Sweep} ({Name}) submitted; trials: {Trials}", SweepId, plan.Spec.Name, plan.TotalTrials);
        return new SubmitResult(SubmitOutcome.Created, SweepId, _machine.Name, plan.TotalTrials, []);
    }

    public Task<SweepProgress?> GetProgressAsync()
    {
        if (_machine is null) return Task.FromResult<SweepProgress?>(null);
        var tally = _machine.Tally();
        return Task.FromResult<SweepProgress?>(new SweepProgress(SweepId, _machine.Name, _machine.Status, _machine.Plan.TotalTrials, tally.Counts,
            tally.EpochsDone, tally.EpochsPlanned, _machine.Plan.Spec.Metric.Name, tally.BestMetric,
            tally.BestTrial is { } best ? _machine.Plan.Describe(best) : null, _machine.CreatedAt, _machine.FinishedAt));
    }

    public Task<SweepPlacement?> GetPlacementAsync() => Task.FromResult<SweepPlacement?>(_machine is null ? null : new SweepPlacement(
        GrainContext.Address.SiloAddress!.Endpoint.ToString(),
        _machine.InFlight().Select(t => new TrialLocation(t.TrialIndex, SiloAddress.FromParsableString(t.Silo).Endpoint.ToString(), t.Status)).ToArray()));

    public async Task<SweepReport?> GetReportAsync()
    {
        if (_machine is null) return null;
        var report = SweepReportBuilder.Build(SweepReportSource.Input(SweepId, _machine));
        var plotted = SweepReportSource.CurveTrials(report);
        foreach (var index in _curveTrials.Keys.Except(plotted).ToArray()) _curveTrials.Remove(index);
        foreach (var index in plotted.Where(i => !_curveTrials.ContainsKey(i)))
            _curveTrials[index] = await PlottedTrialAsync(index);
        return SweepReportSource.WithCurveHistories(report,
            _curveTrials.ToDictionary(t => t.Key, t => t.Value.History),
            _curveTrials.Where(t => t.Value.Applied is not null).ToDictionary(t => t.Key, t => t.Value.Applied!));
    }

    // The applied schedules come from the trial's last checkpoint (a completed trial's is of its last epoch); a trial
    // without a readable one is plotted from its per-epoch history alone.
    private async Task<PlottedTrial> PlottedTrialAsync(int index)
    {
        var trial = Trial(index);
        var (history, checkpoint) = (trial.GetHistoryAsync(), trial.GetCheckpointAsync());
        var bytes = (await checkpoint).Checkpoint;
        AppliedSteps? applied = null;
        try
        {
            if (bytes is not null) applied = AppliedStepsReader.FromCheckpoint(bytes);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning(e, "Sweep {Sweep}: trial {Trial}'s checkpoint has no readable applied schedule", SweepId, index);
        }
        return new PlottedTrial(await history, applied);
    }

    public async Task<bool> CancelAsync()
    {
        if (_machine is null) return false;
        await RunAsync(new CancelRequested(Now));
        return true;
    }

    public Task<SweepChangeResult> ResumeAsync() => ChangeAsync(new ResumeRequested(Now));

    public Task<SweepChangeResult> ExtendAsync(SweepExtension extension) => ChangeAsync(new ExtendRequested(extension, Now));

    private async Task<SweepChangeResult> ChangeAsync(SweepEvent request)
    {
        if (_machine is null) return new SweepChangeResult(SweepChangeOutcome.NotFound, $"no sweep with id '{SweepId}' on this cluster (see `sweep list`)", 0);
        if (SubmissionCheck.WithoutData(SweepId, _machine.Plan, Submission!) is { } withoutData)
            return new SweepChangeResult(SweepChangeOutcome.Refused, withoutData, _machine.Plan.TotalTrials);
        await ObserveMembershipAsync();
        var step = _machine.Handle(request);
        await CarryOutAsync(step.Commands);
        return new SweepChangeResult(step.Change!.Outcome, step.Change.Message, _machine.Plan.TotalTrials);
    }

    public async Task<SweepChangeResult> DeleteAsync()
    {
        if (_machine is not { } machine) return new SweepChangeResult(SweepChangeOutcome.NotFound, $"no sweep with id '{SweepId}' on this cluster (see `sweep list`)", 0);
        if (!machine.Status.IsTerminal())
            return new SweepChangeResult(SweepChangeOutcome.Refused, $"sweep {SweepId} is running: cancel it first (`sweep cancel {SweepId}`), then delete it", machine.Plan.TotalTrials);
        var trials = machine.Plan.TotalTrials;
        var busy = (await Task.WhenAll(Enumerable.Range(0, trials).Select(async i => (i, forgotten: await Trial(i).ForgetAsync()))))
            .Where(t => !t.forgotten).Select(t => t.i).ToArray();
        if (busy.Length > 0)
            return new SweepChangeResult(SweepChangeOutcome.Refused,
                $"sweep {SweepId}: trial(s) {string.Join(", ", busy)} are still stopping; run `sweep delete {SweepId}` again in a moment", trials);
        await recorder.DeleteSweepAsync(SweepId);
        await GrainFactory.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).RemoveAsync(SweepId);
        _timer?.Dispose();
        _timer = null;
        await WakeUpReminder.RemoveAsync(this, logger);
        _machine = null;
        _curveTrials.Clear();
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return new SweepChangeResult(SweepChangeOutcome.Deleted, $"deleted sweep {SweepId} ({machine.Name}): {trials} trial(s), their checkpoints and rows", trials);
    }

    public async Task ReportEpochsAsync(TrialEpochs epochs)
    {
        if (_machine is null) return;
        await RunAsync(new EpochsReported(Progress(epochs), Now));
    }

    public async Task<TrialDirective> DecideAsync(TrialEpochs epochs)
    {
        if (_machine is null) return TrialDirective.Continue;
        await ObserveMembershipIfStaleAsync();
        var reply = await RunAsync(new DecisionAsked(Progress(epochs), Now));
        return new TrialDirective(reply!.Decision, reply.Reason);
    }

    public async Task ReportFinishedAsync(TrialFinished finished)
    {
        if (_machine is null) return;
        await ObserveMembershipIfStaleAsync();
        await RunAsync(new AttemptEnded(new TrialEnd(finished.TrialIndex, finished.Attempt, finished.Status, finished.Last, finished.Error,
            finished.Silo, finished.WallSeconds, finished.History, finished.Test), Now));
    }

    public async Task<string?> GetReplayAsync(int trialIndex)
    {
        if (_machine is null || trialIndex < 0 || trialIndex >= _machine.Plan.TotalTrials) return null;
        return await Trial(trialIndex).GetReplayAsync();
    }

    public Task<IReadOnlyList<SweepDataFile>> GetDataFilesAsync() => Task.FromResult(Submission?.Data ?? (IReadOnlyList<SweepDataFile>)[]);

    private async Task TickAsync(CancellationToken cancellation)
    {
        await ObserveMembershipAsync();
        await RunAsync(new Ticked(Now));
    }

    /// <summary>Hands one event to the machine and carries out what it asks, answers included; returns its reply.</summary>
    private async Task<Directive?> RunAsync(SweepEvent @event)
    {
        var step = _machine!.Handle(@event);
        await CarryOutAsync(step.Commands);
        await RecordChangesAsync();
        return step.Reply;
    }

    /// <summary>The sweep's row, then every trial's: after a restore, whatever was not written before is written now.</summary>
    private async Task RecordEverythingAsync()
    {
        var machine = _machine!;
        _recordedStatus = machine.Status;
        _recordedFinished = machine.FinishedAt;
        await recorder.RecordSweepAsync(new StudySweep(SweepId, machine.Name, Submission!.SpecText, machine.Status, machine.CreatedAt,
            machine.FinishedAt, machine.Plan.Spec.Metric));
        machine.TakeChangedTrials();
        foreach (var trial in machine.Trials) recorder.RecordTrial(SweepId, machine.Plan, trial);
        await RecordMissingEpochsAsync();
    }

    /// <summary>An ended trial's last epochs may have been queued, not written, when its silo was killed: its grain
    /// has them. Done when a coordinator is restored and when its sweep ends.</summary>
    private async Task RecordMissingEpochsAsync()
    {
        var machine = _machine!;
        if (await recorder.CountEpochRowsAsync(SweepId) is not { } rows) return;
        foreach (var trial in machine.Trials.Where(t => t.Status.IsTerminal() && t.EpochsDone > rows.GetValueOrDefault(t.Index)))
        {
            try
            {
                recorder.RecordEpochs(SweepId, trial.Index, await Trial(trial.Index).GetHistoryAsync());
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "The epochs of trial {Sweep}/{Trial} were not re-recorded", SweepId, trial.Index);
            }
        }
    }

    /// <summary>Queues the rows of the trials that changed, and the sweep's new status when it changed.</summary>
    private async Task RecordChangesAsync()
    {
        var machine = _machine!;
        foreach (var index in machine.TakeChangedTrials()) recorder.RecordTrial(SweepId, machine.Plan, machine.Trials[index]);
        if (machine.Status == _recordedStatus && machine.FinishedAt == _recordedFinished) return;
        if (machine.FinishedAt is not null && _recordedFinished is null) await RecordMissingEpochsAsync();
        if (!_recordedStatus.IsTerminal() && machine.Status.IsTerminal())
            logger.LogInformation("Sweep {Sweep} ({Name}) ended: {Status}", SweepId, machine.Name, machine.Status.ToString().ToLowerInvariant());
        _recordedStatus = machine.Status;
        _recordedFinished = machine.FinishedAt;
        recorder.RecordSweepStatus(SweepId, machine.Status, machine.FinishedAt);
    }

    private async Task CarryOutAsync(IReadOnlyList<SweepCommand> commands)
    {
        foreach (var command in commands)
        {
            switch (command)
            {
                case Persist:
                    await PersistAsync();
                    break;
                case StartTrial start:
                    await RunAsync(await StartAsync(start));
                    break;
                case ReconcileTrials reconcile:
                    await RunAsync(new TrialsReconciled(await Task.WhenAll(reconcile.TrialIndices.Select(AskStatusAsync)), Now));
                    break;
                case PruneTrial prune:
                    await TellAsync(prune.TrialIndex, trial => trial.PruneAsync(prune.Reason), "pruned");
                    break;
                case CancelTrial cancel:
                    await TellAsync(cancel.TrialIndex, trial => trial.CancelAsync(), "cancelled");
                    break;
                case PublishListing:
                    await GrainFactory.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key)
                        .UpsertAsync(new SweepListing(SweepId, _machine!.Name, _machine.Status, _machine.Plan.TotalTrials, _machine.CreatedAt));
                    break;
                case ResumeTicking:
                    StartTicking();
                    await WakeUpReminder.EnsureAsync(this, options.Value.ReminderPeriod, logger);
                    break;
                case StopTicking:
                    StopTimer();
                    await WakeUpReminder.RemoveAsync(this, logger);
                    break;
            }
        }
    }

    private async Task<SweepEvent> StartAsync(StartTrial start)
    {
        var checkpoints = _machine!.Plan.Spec.Checkpoints;
        var donor = start.Donor is { } d ? new TrialDonor($"{SweepId}/{d}", start.DonorEpoch) : null;
        var assignment = new TrialAssignment(SweepId, start.TrialIndex, start.Spec, LegacyBaseDirectory: null, start.Attempt,
            checkpoints.EveryEpochs, start.DecisionEpochs, donor, checkpoints.Seconds, start.FailuresCounted, start.Life,
            Submission!.DataSha256Of(start.Spec.Dataset), start.Spec.Trainer is null ? null : Submission.SpecDirectory(),
            _machine.Plan.CombinationOf(start.TrialIndex));
        RequestContext.Set(IPlacementDirector.PlacementHintKey, SiloAddress.FromParsableString(start.Silo));
        try
        {
            return new TrialStartAnswered(start, await WithHistoryIfEndedAsync(start.TrialIndex, View(await Trial(start.TrialIndex).StartAsync(assignment))), Now);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Could not start trial {Sweep}/{Trial} on {Silo}; it stays queued", SweepId, start.TrialIndex, start.Silo);
            return new TrialStartFailed(start, Now);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private async Task<ReconciledTrial> AskStatusAsync(int index)
    {
        try
        {
            return new ReconciledTrial(index, await WithHistoryIfEndedAsync(index, View(await Trial(index).GetStatusAsync())));
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Trial {Sweep}/{Trial} did not answer; it stays in flight", SweepId, index);
            return new ReconciledTrial(index, null);
        }
    }

    // An ended trial's answer gets its whole history: its best metric may be among epochs whose reports were lost with
    // an earlier activation of this coordinator.
    private async Task<TrialView> WithHistoryIfEndedAsync(int index, TrialView view) =>
        view.Status.IsTerminal() && !view.IsTraining && view.Last is not null ? view with { History = await Trial(index).GetHistoryAsync() } : view;

    // The coordinator's record stands whether or not the trial heard: it learns again when it is started or asks.
    private async Task TellAsync(int index, Func<ITrialGrain, Task> call, string what)
    {
        try
        {
            await call(Trial(index));
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Trial {Sweep}/{Trial} was not told it is {What}; the coordinator's record stands", SweepId, index, what);
        }
    }

    // Membership and slot counts, refreshed every tick and, between ticks, at most once per tick period: dispatching
    // after every finished trial must not cost two extra grain calls each time.
    private async Task ObserveMembershipIfStaleAsync()
    {
        if (Now - _membershipAt >= options.Value.TickPeriod) await ObserveMembershipAsync();
    }

    private async Task ObserveMembershipAsync()
    {
        _membershipAt = Now;
        _machine!.Handle(new MembershipObserved(await LiveSilos.QueryAsync(GrainFactory), Now));
    }

    private Task PersistAsync(CancellationToken cancellation = default)
    {
        state.State = state.State with { Sweep = _machine!.State };
        return state.WriteStateAsync(cancellation);
    }

    private static TrialProgress Progress(TrialEpochs epochs) =>
        new(epochs.TrialIndex, epochs.Attempt, epochs.Records, epochs.Silo, epochs.WallSeconds);

    private static TrialView View(TrialStatusReport s) =>
        new(s.Status, s.Attempt, s.Last, s.Error, s.Silo, s.WallSeconds, s.IsTraining, s.StopReason, Test: s.Test);

    private ITrialGrain Trial(int index) => GrainFactory.GetGrain<ITrialGrain>($"{SweepId}/{index}");

    private void StartTicking() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.TickPeriod, options.Value.TickPeriod) { KeepAlive = true });

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private SubmitResult Refused(SubmitOutcome outcome, string error) => new(outcome, SweepId, "", 0, [error]);
}
