// A trial grain: one training run of one sweep. Start returns at once; the attempt runs off the grain's scheduler
// (TrialAttemptRun: its trainer on a dedicated thread behind the silo's TrainingSlots gate) and changes the trial's
// state only through ITrialAttemptSink calls, turns of this grain like any request: a start and a running attempt
// never write at the same time, and no lock is needed. Its stored state is the truth about the trial: a coordinator
// that lost track asks it. Progress and the checkpoint are stored apart, so a decision never rewrites the weights.
// Every epoch it records also goes to the silo's study recorder (the epochs table).
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Datasets;
using SweepCluster.Grains.Recording;
using SweepCluster.Specs;

namespace SweepCluster.Grains.Trials;

public sealed class TrialGrain(
    [PersistentState("trial", StorageNames.Sweeps)] IPersistentState<TrialGrainState> state,
    [PersistentState("checkpoint", StorageNames.Sweeps)] IPersistentState<TrialCheckpointState> checkpoint,
    TrainingSlots slots,
    ITrialExecutor executor,
    SiloDatasets datasets,
    IStudyRecorder recorder,
    ILocalSiloDetails localSilo,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain, ITrialAttemptSink
{
    /// <summary>Keeps a training activation alive however long the trial takes (released when it ends).</summary>
    private static readonly TimeSpan KeepAliveWhileTraining = TimeSpan.FromDays(7);

    /// <summary>
    /// Progress goes to the coordinator at most this often (epochs are stored at checkpoints; the final report carries
    /// the last epoch): fast epochs would otherwise cost a coordinator call each.
    /// </summary>
    private static readonly TimeSpan ProgressReportInterval = TimeSpan.FromMilliseconds(200);

    private readonly Guid _activation = Guid.NewGuid();
    private readonly List<EpochRecord> _unreported = [];
    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private int _generation;
    private volatile bool _deactivating;
    private AttemptPhase _phase;

    /// <summary>The coordinator pruned this trial while its attempt was at the boundary: end Pruned, for this reason.</summary>
    private string? _prunedAtBoundary;

    private DateTimeOffset _lastProgressReport = DateTimeOffset.MinValue;

    /// <summary>Times the newest run's segment (from taking a slot to stopping); earlier ones are in the state.</summary>
    private Stopwatch _segmentClock = new();

    private double WallSecondsSoFar => state.State.WallSeconds + _segmentClock.Elapsed.TotalSeconds;

    /// <summary>The silo as people read it: its endpoint, without the generation number.</summary>
    private string SiloName => localSilo.SiloAddress.Endpoint.ToString();

    /// <summary>An attempt is alive here and has not ended (an ended attempt may still be delivering its result).</summary>
    private bool IsTraining => _run is { IsCompleted: false } && !state.State.Status.IsTerminal();

    /// <summary>The attempt this grain works on now; reports carry it, so an adopted newer attempt is reported as such.</summary>
    private int CurrentAttempt => state.State.Assignment?.Attempt ?? 0;

    private string Key => this.GetPrimaryKeyString();

    /// <summary>
    /// A fresh trial (nothing stored, no checkpoint) stores nothing until its first checkpoint, question or end: lost
    /// before then, with its silo, it is started again from scratch, as it would be from a stored start (a coordinator
    /// that asks finds no attempt, and queues it), so writing its start and its beginning would buy nothing.
    /// </summary>
    private bool NothingToKeep => !state.RecordExists && checkpoint.State.Bytes is null;

    public async Task<TrialStatusReport> StartAsync(TrialAssignment assignment)
    {
        var current = state.State;
        var previous = current.Assignment;
        if (previous is not null && previous.Attempt > assignment.Attempt) return Status();   // a stale dispatch
        if (IsTraining && !_phase.IsAtBoundary() && !StoppingFromAnEarlierLife(previous!, assignment))
        {
            // Already training (the coordinator lost track, e.g. it restarted): keep going under the newer number.
            if (previous!.Attempt < assignment.Attempt)
            {
                state.State = current with { Assignment = previous with { Attempt = assignment.Attempt } };
                await state.WriteStateAsync();
            }
            return Status();
        }
        if (previous is not null && current.Status.IsTerminal() && !ResumedAfterCancel(current.Status, previous, assignment) && previous.Spec.SameAs(assignment.Spec)
            && (current.Status != TrialStatus.Failed || assignment.FailuresCounted < current.Failures))
        {
            // Finished before (a result the coordinator never stored, or a failure it never counted): never run it
            // twice, hand the result back; the coordinator retries a failure if retries remain. A trial cancelled in an
            // earlier life of its sweep (resumed since) is not finished: it goes on from its checkpoint below.
            state.State = current with { Assignment = previous with { Attempt = assignment.Attempt } };
            await state.WriteStateAsync();
            return Status();
        }

        // A trial at its decision boundary that is started again was paused by the coordinator: the new attempt runs
        // once the current one has stopped there. A restart this trial already carried out (the same donor and boundary,
        // the same explored spec: a coordinator restored from older state sends it again) goes on from its own
        // checkpoint; the donor may have moved on.
        var restartDone = assignment.Donor is not null && previous?.Donor == assignment.Donor
            && previous.Spec.SameAs(assignment.Spec) && checkpoint.State.Bytes is not null;
        if (assignment.Donor is { } donor && !restartDone)
        {
            // PBT's exploit: the checkpoint first, then the progress that names it (a start that fails in between is
            // sent again, and copies again).
            var copy = await CopyDonorAsync(donor);
            checkpoint.State = new TrialCheckpointState(copy.Epoch, copy.Checkpoint);
            await checkpoint.WriteStateAsync();
            state.State = Assigned(assignment, copy.History.Take(copy.Epoch).ToArray());
        }
        else
        {
            // A checkpoint newer than the stored history (the two are written together at a trial's end, and may have
            // landed apart) holds weights of epochs that were never recorded: the trial starts over instead.
            var resume = checkpoint.State.Bytes is not null && current.History.Count >= checkpoint.State.Epoch
                && (previous?.Spec.SameAs(assignment.Spec) == true || assignment.Donor is not null);
            state.State = Assigned(assignment, resume ? current.History.Take(checkpoint.State.Epoch).ToArray() : []);
            if (!resume && checkpoint.State.Bytes is not null)
            {
                checkpoint.State = new TrialCheckpointState();
                await checkpoint.WriteStateAsync();
            }
        }
        // A slot free now: the attempt begins in this turn, and its start and its beginning cost one write, not two.
        var begun = _run is not { IsCompleted: false } && slots.TryAcquire() ? BeginAttempt() : null;
        try
        {
            if (!NothingToKeep) await state.WriteStateAsync();
        }
        catch when (begun is not null)
        {
            slots.Release();
            _phase = AttemptPhase.Idle;
            throw;
        }
        StartRun(assignment, begun);
        return Status();
    }

    /// <summary>
    /// Told to cancel, not stopped yet, and started again by its resumed sweep: the new attempt runs once this one has
    /// stopped (its end is then not the trial's), rather than being adopted by a run that is about to end cancelled.
    /// </summary>
    private bool StoppingFromAnEarlierLife(TrialAssignment previous, TrialAssignment assignment) =>
        _cancellation?.IsCancellationRequested == true && assignment.Life > previous.Life;

    /// <summary>Cancelled before its sweep was resumed: a start of the new life runs it again, from its checkpoint.</summary>
    private static bool ResumedAfterCancel(TrialStatus status, TrialAssignment previous, TrialAssignment assignment) =>
        status == TrialStatus.Cancelled && assignment.Life > previous.Life;

    private TrialGrainState Assigned(TrialAssignment assignment, EpochRecord[] history) => state.State with
    {
        Assignment = assignment,
        Status = TrialStatus.Pending,
        Error = null,
        StopReason = null,
        History = history,
    };

    private void StartRun(TrialAssignment assignment, AttemptBegin? begun)
    {
        _cancellation = new CancellationTokenSource();
        DelayDeactivation(KeepAliveWhileTraining);
        // Numbered here, not when the run begins: the run before it must see at once that it is not the newest, or its
        // ending would release the keep-alive this start just set.
        var ticket = new AttemptTicket(_activation, ++_generation, assignment.Attempt);
        if (begun is null) _phase = _run is { IsCompleted: false } ? AttemptPhase.Queued : AttemptPhase.WaitingForSlot;
        var run = new TrialAttemptRun(ticket, this.AsReference<ITrialAttemptSink>(), GrainFactory.GetGrain<ISweepCoordinatorGrain>(assignment.SweepId),
            slots, executor, datasets, () => Volatile.Read(ref _generation) == ticket.Generation, () => _deactivating, logger, Key);
        var previous = _run;
        var token = _cancellation.Token;
        _run = Task.Run(() => run.RunAsync(previous, begun, token));
    }

    public Task<TrialSnapshot> GetSnapshotAsync()
    {
        var s = state.State;
        return Task.FromResult(new TrialSnapshot(s.Status, CurrentAttempt, s.History, s.Error, s.Silo, s.WallSeconds, IsTraining, s.Attempts, s.StopReason));
    }

    public Task<TrialStatusReport> GetStatusAsync()
    {
        // Woken up only to be asked (a coordinator reconciling after a silo's loss or its own restart): it leaves memory
        // again, so that its next start places it where the coordinator chose, not where this call happened to land.
        if (_run is null) DeactivateOnIdle();
        return Task.FromResult(Status());
    }

    public Task<IReadOnlyList<EpochRecord>> GetHistoryAsync() => Task.FromResult(state.State.History);

    public async Task PruneAsync(string? reason)
    {
        if (state.State.Status != TrialStatus.Paused)
        {
            // Told to pause (or about to be) and not stopped yet: it ends Pruned when it reaches the boundary.
            if (IsTraining && _phase is AttemptPhase.AwaitingDecision or AttemptPhase.LeavingAtBoundary)
                _prunedAtBoundary = reason ?? "stopped by the trial scheduler";
            return;
        }
        state.State = state.State with { Status = TrialStatus.Pruned, StopReason = reason };
        await state.WriteStateAsync();
    }

    public Task<TrialCheckpointCopy> GetCheckpointAsync()
    {
        var (epoch, bytes) = (checkpoint.State.Epoch, checkpoint.State.Bytes);
        return Task.FromResult(new TrialCheckpointCopy(epoch, bytes, state.State.History.Take(epoch).ToArray()));
    }

    public Task<string?> GetReplayAsync()
    {
        var s = state.State;
        if (checkpoint.State.Bytes is not { } bytes || s.Assignment is null) return Task.FromResult<string?>(null);
        // The dataset as the spec wrote it: `sweep replay` writes the sweep's stored copy of a data file beside the replay.
        var replay = ReplaySpecBuilder.Build(s.Assignment.Spec, CheckpointSerializer.Deserialize(bytes));
        return Task.FromResult<string?>(TrialSpecWriter.ToYaml(replay));
    }

    // PBT's exploit: the donor's checkpoint at the generation's boundary. A copy that cannot be had fails this start
    // (nothing stored): the coordinator keeps the restart queued and tries again, rather than the trial going on from
    // its own weights under the donor's hyperparameters. Donors wait at the boundary until every copier has started.
    private async Task<TrialCheckpointCopy> CopyDonorAsync(TrialDonor donor)
    {
        var copy = await GrainFactory.GetGrain<ITrialGrain>(donor.TrialKey).GetCheckpointAsync();
        if (copy.Epoch == donor.Epoch && copy.Checkpoint is not null) return copy;
        throw new InvalidOperationException(
            $"donor {donor.TrialKey} holds a checkpoint of epoch {copy.Epoch}, not of the generation's epoch {donor.Epoch}; the exploit is retried");
    }

    public Task CancelAsync()
    {
        _cancellation?.Cancel();
        return Task.CompletedTask;
    }

    public async Task<bool> ForgetAsync()
    {
        if (IsTraining) return false;
        await state.ClearStateAsync();
        await checkpoint.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A graceful shutdown: stop training at the next batch and leave the trial resumable from its last checkpoint;
        // the coordinator sees it idle and starts it again elsewhere.
        var interrupted = IsTraining && state.State.Status != TrialStatus.Paused;
        if (interrupted) logger.LogWarning("Trial {Trial} is deactivated while it trains ({Reason}); it stops at its checkpoint", Key, reason);
        _deactivating = true;
        _cancellation?.Cancel();
        // A run whose end this grain has taken has nothing left to store: it only reports to the coordinator, which may
        // be starting this trial again right now (a retry) and waiting for this deactivation. Waiting for it would wait
        // for ourselves.
        if (_run is not { } run || _phase == AttemptPhase.Idle) return;
        try
        {
            await run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Trial {Trial} did not stop before its deactivation ended", Key);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "The run of {Trial} ended with an error while deactivating", Key);
        }
        if (!interrupted || state.State.Status.IsTerminal()) return;
        // Stopped by a deactivation, not by the user: back to Pending with the checkpoint kept, nothing reported.
        state.State = state.State with { Status = TrialStatus.Pending, WallSeconds = WallSecondsSoFar };
        await state.WriteStateAsync(cancellationToken);
    }

    // ---- ITrialAttemptSink: the running attempt's turns ----

    public async Task<AttemptBegin?> BeginAsync(AttemptTicket ticket)
    {
        if (!IsNewest(ticket)) return null;
        var begin = BeginAttempt();
        if (!NothingToKeep) await state.WriteStateAsync();
        return begin;
    }

    /// <summary>The newest attempt has its slot: it is Running from here (stored by the caller).</summary>
    private AttemptBegin BeginAttempt()
    {
        _phase = AttemptPhase.Training;
        _segmentClock = Stopwatch.StartNew();
        var s = state.State;
        var from = checkpoint.State.Epoch;
        var attempt = new AttemptRecord(CurrentAttempt, SiloName, from, from, DateTimeOffset.UtcNow);
        state.State = s with { Status = TrialStatus.Running, Silo = SiloName, Attempts = [.. s.Attempts, attempt] };
        _unreported.Clear();
        // The epochs up to the checkpoint again: rows the previous run queued may have died with its silo.
        if (from > 0 && s.Assignment is { } assigned) recorder.RecordEpochs(assigned.SweepId, assigned.TrialIndex, s.History.Take(from).ToArray());
        // A run that starts from a checkpoint at a decision epoch asks about that epoch first: its previous run may have
        // paused there without an answer, and a coordinator restored from older state may never have heard of it.
        // Asking again is harmless (a rung that promoted it, or a PBT generation that was released, says go on).
        TrialEpochs? question = null;
        if (from > 0 && s.Assignment?.DecisionEpochs?.Contains(from) == true && s.History.Count >= from)
        {
            _phase = AttemptPhase.AwaitingDecision;
            question = Report([s.History[from - 1]]);
        }
        return new AttemptBegin(s.Assignment!, checkpoint.State.Bytes, question);
    }

    // Records every epoch that finished since the last batch, with the newest checkpoint among them. Storage only matters
    // at checkpoints: a resume starts from the stored checkpoint and drops the epochs after it, so epochs without one are
    // kept in memory until the next checkpoint (or the end) instead of costing a write each. At a decision epoch every
    // unreported epoch goes with the question.
    public async Task<TrialEpochs?> RecordAsync(AttemptTicket ticket, EpochBatch batch)
    {
        if (!IsNewest(ticket)) return null; // a newer run took over: these epochs belong to no assignment any more
        Append(batch);
        if (batch.Checkpoint is not null || batch.Asking) await state.WriteStateAsync();
        await StoreCheckpointAsync(batch);
        if (batch.Asking)
        {
            _phase = AttemptPhase.AwaitingDecision;
            return TakeReport();
        }
        if (DateTimeOffset.UtcNow - _lastProgressReport < ProgressReportInterval) return null;
        return TakeReport();
    }

    // Epochs recorded already are not recorded again: a batch sent again (its first call was rejected or timed out after
    // it landed) changes nothing.
    private void Append(EpochBatch batch)
    {
        var s = state.State;
        var recordedUpTo = s.Last?.Epoch ?? 0;
        var records = batch.Records.Where(r => r.Epoch > recordedUpTo).ToArray();
        if (records.Length == 0) return;
        state.State = s with
        {
            History = [.. s.History, .. records],
            Attempts = [.. s.Attempts.SkipLast(1), s.Attempts[^1] with { LastEpoch = records[^1].Epoch }],
        };
        _unreported.AddRange(records);
        recorder.RecordEpochs(s.Assignment!.SweepId, s.Assignment.TrialIndex, records);
    }

    // After the progress that holds its epochs: a crash in between resumes from the older checkpoint.
    private async Task StoreCheckpointAsync(EpochBatch batch)
    {
        if (batch.Checkpoint is null) return;
        checkpoint.State = new TrialCheckpointState(batch.CheckpointEpoch, batch.Checkpoint);
        await checkpoint.WriteStateAsync();
    }

    public Task<TrialDirective> DecidedAsync(AttemptTicket ticket, TrialDirective directive)
    {
        // Started again while it waited (the coordinator paused and re-dispatched it, and its answer was lost or came
        // late): the newer run, queued behind this one, goes on from here.
        if (directive.Decision == TrialDecision.Continue && !IsNewest(ticket))
            directive = new TrialDirective(TrialDecision.Pause, "started again while waiting at the boundary");
        if (IsNewest(ticket)) _phase = directive.Decision == TrialDecision.Continue ? AttemptPhase.Training : AttemptPhase.LeavingAtBoundary;
        return Task.FromResult(directive);
    }

    // Paused or stopped by the trial scheduler at an epoch boundary: the checkpoint of that epoch is stored and the
    // coordinator, which decided it, already knows. A newer attempt may already be queued behind this one.
    public async Task StopAtBoundaryAsync(AttemptTicket ticket, TrialDirective directive)
    {
        if (ticket.Activation != _activation) return;
        var s = state.State;
        var superseded = s.Status == TrialStatus.Pending && CurrentAttempt > ticket.Attempt;
        var pruned = _prunedAtBoundary;
        _prunedAtBoundary = null;
        var status = superseded ? s.Status
            : pruned is not null || directive.Decision == TrialDecision.Stop ? TrialStatus.Pruned
            : TrialStatus.Paused;
        var reason = superseded ? null : pruned ?? directive.Reason;
        state.State = s with { Status = status, StopReason = reason, WallSeconds = s.WallSeconds + _segmentClock.Elapsed.TotalSeconds };
        _segmentClock = new Stopwatch();
        await state.WriteStateAsync();
    }

    public async Task<TrialFinished?> FinishAsync(AttemptTicket ticket, EpochBatch? last, TrialStatus status, string? message, HeldOutEvaluation? test = null)
    {
        if (ticket.Activation != _activation) return null;
        // Sent again (its first call timed out after it landed): the end was taken; it is reported as it was, not twice.
        if (IsNewest(ticket) && _phase == AttemptPhase.Idle && state.State.Status.IsTerminal()) return Finished();
        try
        {
            return await FinishAttemptAsync(ticket, last, status, message, test);
        }
        finally
        {
            EndRun(ticket);
        }
    }

    private async Task<TrialFinished?> FinishAttemptAsync(AttemptTicket ticket, EpochBatch? last, TrialStatus status, string? message,
        HeldOutEvaluation? test)
    {
        if (last is not null && IsNewest(ticket)) Append(last);
        var s = state.State;
        var elapsed = _segmentClock.Elapsed.TotalSeconds;
        _segmentClock = new Stopwatch();
        if (s.Status == TrialStatus.Pending && CurrentAttempt > ticket.Attempt)
        {
            // A newer attempt was started while this one wound down: its time counts; its end is not the trial's.
            state.State = s with { WallSeconds = s.WallSeconds + elapsed };
            await state.WriteStateAsync();
            return null;
        }
        state.State = s with
        {
            Status = status,
            Error = status is TrialStatus.Failed or TrialStatus.Diverged ? message : null,
            WallSeconds = s.WallSeconds + elapsed,
            Failures = s.Failures + (status == TrialStatus.Failed ? 1 : 0),
            Test = status == TrialStatus.Completed ? test : null,
        };
        // The end and its checkpoint are written together (a store that groups its commits makes them one transaction).
        // Landed apart, a checkpoint newer than the stored history is never resumed from (see StartAsync).
        if (last is not null && IsNewest(ticket)) await Task.WhenAll(state.WriteStateAsync(), StoreCheckpointAsync(last));
        else await state.WriteStateAsync();
        _unreported.Clear(); // they go with the whole history
        return Finished();
    }

    private TrialFinished Finished()
    {
        var ended = state.State;
        return new TrialFinished(ended.Assignment!.TrialIndex, CurrentAttempt, ended.Status, ended.Last, ended.Error, SiloName, ended.WallSeconds, ended.History,
            ended.Test);
    }

    public Task EndAsync(AttemptTicket ticket)
    {
        EndRun(ticket);
        return Task.CompletedTask;
    }

    private void EndRun(AttemptTicket ticket)
    {
        if (!IsNewest(ticket)) return; // a newer attempt took over: its keep-alive stands
        _phase = AttemptPhase.Idle;
        DelayDeactivation(TimeSpan.FromTicks(-1));
        // Nothing runs here until the coordinator starts it again: a finished or paused trial leaves memory (its state
        // is stored; a status call or a PBT copier activates it again).
        if (state.State.Status.IsTerminal() || state.State.Status == TrialStatus.Paused) DeactivateOnIdle();
    }

    private bool IsNewest(AttemptTicket ticket) => ticket.Activation == _activation && ticket.Generation == _generation;

    private TrialEpochs TakeReport()
    {
        var report = Report(_unreported.ToArray());
        _unreported.Clear();
        return report;
    }

    private TrialEpochs Report(IReadOnlyList<EpochRecord> records)
    {
        _lastProgressReport = DateTimeOffset.UtcNow;
        return new TrialEpochs(state.State.Assignment!.TrialIndex, CurrentAttempt, records, SiloName, WallSecondsSoFar);
    }

    // A run alive here trains (or waits for a slot) on this silo: that is where it is, whichever silo an earlier attempt
    // ran on. The coordinator follows a trial it adopts there.
    private TrialStatusReport Status()
    {
        var s = state.State;
        return new TrialStatusReport(s.Status, CurrentAttempt, s.Last, s.Error, IsTraining ? SiloName : s.Silo, s.WallSeconds, IsTraining, s.StopReason,
            s.Test);
    }
}
