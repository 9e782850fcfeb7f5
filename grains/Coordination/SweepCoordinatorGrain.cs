// A sweep coordinator: one grain per sweep, a thin shell around SweepMachine. It validates a submission, feeds the
// machine every message, tick and membership change, and carries out its commands: store the state, start a trial on
// a silo (with a placement hint), prune, cancel, ask trials for their state, publish the sweep's line. The machine
// decides; this grain does the I/O. A deactivated coordinator reloads the machine's stored state, asks its trials
// and carries on. Its trial calls, study rows and plotted curves are done by SweepTrialCalls, SweepStudyRows and
// PlottedTrials beside it.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    private SweepTrialCalls? _trials;
    private SweepStudyRows? _rows;
    private PlottedTrials? _plotted;

    // The grain's collaborators, made on first use: the sweep id is the grain's key, known only once it is activated.
    private SweepTrialCalls Trials => _trials ??= new SweepTrialCalls(SweepId, GrainFactory, logger);
    private SweepStudyRows Rows => _rows ??= new SweepStudyRows(SweepId, recorder, Trials.Trial, logger);
    private PlottedTrials Plotted => _plotted ??= new PlottedTrials(SweepId, Trials.Trial, logger);

    private string SweepId => this.GetPrimaryKeyString();
    private SweepSubmission? Submission => state.State.Submission;
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Restore(options.Value.ReconcilePeriod) is not { } machine) return;
        _machine = machine;
        await Rows.RecordEverythingAsync(machine, Submission!.SpecText); // the study tables catch up with whatever the last activation had not written yet
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
        await Rows.SubmittedAsync(plan, submission.SpecText, created);
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
        return await Plotted.WithCurvesAsync(SweepReportBuilder.Build(SweepReportSource.Input(SweepId, _machine)));
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
        var busy = await Trials.ForgetAllAsync(trials);
        if (busy.Length > 0)
            return new SweepChangeResult(SweepChangeOutcome.Refused,
                $"sweep {SweepId}: trial(s) {string.Join(", ", busy)} are still stopping; run `sweep delete {SweepId}` again in a moment", trials);
        await Rows.DeleteAsync();
        await GrainFactory.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).RemoveAsync(SweepId);
        _timer?.Dispose();
        _timer = null;
        await WakeUpReminder.RemoveAsync(this, logger);
        _machine = null;
        Plotted.Clear();
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
        return await Trials.Trial(trialIndex).GetReplayAsync();
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
        await Rows.RecordChangesAsync(_machine!);
        return step.Reply;
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
                    await RunAsync(await Trials.StartAsync(start, Trials.Assignment(start, _machine!.Plan, Submission!)));
                    break;
                case ReconcileTrials reconcile:
                    await RunAsync(new TrialsReconciled(await Task.WhenAll(reconcile.TrialIndices.Select(Trials.AskStatusAsync)), Now));
                    break;
                case PruneTrial prune:
                    await Trials.TellAsync(prune.TrialIndex, trial => trial.PruneAsync(prune.Reason), "pruned");
                    break;
                case CancelTrial cancel:
                    await Trials.TellAsync(cancel.TrialIndex, trial => trial.CancelAsync(), "cancelled");
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

    private void StartTicking() =>
        _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(options.Value.TickPeriod, options.Value.TickPeriod) { KeepAlive = true });

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private SubmitResult Refused(SubmitOutcome outcome, string error) => new(outcome, SweepId, "", 0, [error]);
}
