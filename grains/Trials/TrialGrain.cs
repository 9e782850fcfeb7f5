// A trial grain: one training run of one sweep. Start returns at once; the training itself runs on a dedicated
// thread (an ITrialExecutor, the engine by default) behind the silo's TrainingSlots gate, while this grain, on its own
// scheduler, stores each epoch and checkpoint and reports them to the coordinator. Calls to it stay short; status
// calls interleave. Its stored state is the truth about the trial: a coordinator that lost track asks it.
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Specs;

namespace SweepCluster.Grains.Trials;

public sealed class TrialGrain(
    [PersistentState("trial", StorageNames.Sweeps)] IPersistentState<TrialGrainState> state,
    TrainingSlots slots,
    ITrialExecutor executor,
    ILocalSiloDetails localSilo,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain
{
    /// <summary>Keeps a training activation alive however long the trial takes (released when it ends).</summary>
    private static readonly TimeSpan KeepAliveWhileTraining = TimeSpan.FromDays(7);

    /// <summary>
    /// Progress goes to the coordinator at most this often (epochs are stored every time; the final report carries the
    /// whole history): fast epochs would otherwise cost a coordinator call each.
    /// </summary>
    private static readonly TimeSpan ProgressReportInterval = TimeSpan.FromMilliseconds(200);

    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private int _runGeneration;
    private bool _deactivating;
    private readonly List<EpochRecord> _unreported = [];

    /// <summary>How long a trial waiting at a decision epoch keeps retrying a coordinator that does not answer.</summary>
    private static readonly TimeSpan DecisionPatience = TimeSpan.FromSeconds(30);

    /// <summary>The running attempt waits at a decision epoch for the coordinator's answer.</summary>
    private bool _awaitingDecision;

    /// <summary>The running attempt was told to pause or stop at its decision epoch and is winding down.</summary>
    private bool _leavingAtBoundary;

    /// <summary>The coordinator pruned this trial while it was still winding down to its pause: end Pruned, for this reason.</summary>
    private string? _prunedWhileLeaving;
    private DateTimeOffset _lastProgressReport = DateTimeOffset.MinValue;

    /// <summary>Times the running attempt's segment (from taking a slot to stopping); earlier ones are in the state.</summary>
    private Stopwatch _segmentClock = new();

    /// <summary>
    /// One write at a time: a start and an attempt stopping at its boundary interleave at their awaits, and two writes in
    /// flight with the same etag would make the storage refuse the second one.
    /// </summary>
    private readonly SemaphoreSlim _writing = new(1, 1);

    private double WallSecondsSoFar => state.State.WallSeconds + _segmentClock.Elapsed.TotalSeconds;

    /// <summary>The silo as people read it: its endpoint, without the generation number.</summary>
    private string SiloName => localSilo.SiloAddress.Endpoint.ToString();

    /// <summary>An attempt is alive here and has not ended (an ended attempt may still be delivering its result).</summary>
    private bool IsTraining => _run is { IsCompleted: false } && !state.State.Status.IsTerminal();

    /// <summary>The attempt this grain works on now; reports carry it, so an adopted newer attempt is reported as such.</summary>
    private int CurrentAttempt => state.State.Assignment?.Attempt ?? 0;

    public async Task<TrialSnapshot> StartAsync(TrialAssignment assignment)
    {
        var current = state.State;
        var previous = current.Assignment;
        if (previous is not null && previous.Attempt > assignment.Attempt) return Snapshot();   // a stale dispatch
        if (IsTraining && !_awaitingDecision && !_leavingAtBoundary)
        {
            // Already training (the coordinator lost track, e.g. it restarted): keep going under the newer number.
            if (previous!.Attempt < assignment.Attempt)
            {
                state.State = current with { Assignment = previous with { Attempt = assignment.Attempt } };
                await PersistAsync();
            }
            return Snapshot();
        }
        if (previous is not null && current.Status.IsTerminal() && previous.SpecJson == assignment.SpecJson && current.Status != TrialStatus.Failed)
        {
            // Finished before (a result the coordinator never stored): never run it twice, hand the result back.
            state.State = current with { Assignment = previous with { Attempt = assignment.Attempt } };
            await PersistAsync();
            return Snapshot();
        }

        // A trial waiting at a decision epoch, or told to pause there and still winding down, that is started again was
        // paused by the coordinator: the new attempt runs once the current one has stopped at the boundary.
        // A restart this trial already carried out (the same donor and boundary, the same explored spec: a coordinator
        // that restarted from older state sends it again) goes on from its own checkpoint; the donor may have moved on.
        var restartDone = assignment.Donor is not null && previous?.Donor == assignment.Donor
            && previous.SpecJson == assignment.SpecJson && current.Checkpoint is not null;
        var donorCopy = assignment.Donor is { } donor && !restartDone ? await CopyDonorAsync(donor) : null;
        // Read again after the copy: an attempt winding down may have stopped at its boundary meanwhile (and added its
        // segment's wall time); building on the state read before would lose that.
        current = state.State;
        var resume = current.Checkpoint is not null && (current.Assignment?.SpecJson == assignment.SpecJson || assignment.Donor is not null);
        var (checkpoint, checkpointEpoch, history) = donorCopy is { } copy
            ? (copy.Checkpoint, copy.Epoch, copy.History.Take(copy.Epoch).ToArray())
            : resume
                ? (current.Checkpoint, current.CheckpointEpoch, current.History.Take(current.CheckpointEpoch).ToArray())
                : (null, 0, Array.Empty<EpochRecord>());
        state.State = current with
        {
            Assignment = assignment,
            Status = TrialStatus.Pending,
            Error = null,
            StopReason = null,
            Checkpoint = checkpoint,
            CheckpointEpoch = checkpointEpoch,
            History = history,
        };
        await PersistAsync();
        _cancellation = new CancellationTokenSource();
        DelayDeactivation(KeepAliveWhileTraining);
        // Numbered here, not when the run begins: the run before it must see at once that it is not the newest, or
        // its ending would release the keep-alive this start just set.
        var generation = ++_runGeneration;
        _run = RunAsync(assignment.SweepId, generation, _cancellation.Token, previousRun: _run);
        return Snapshot();
    }

    public Task<TrialSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public async Task PruneAsync(string? reason)
    {
        if (state.State.Status != TrialStatus.Paused)
        {
            // Told to pause (or about to be) and not stopped yet: it ends Pruned when it reaches the boundary.
            if (IsTraining && (_awaitingDecision || _leavingAtBoundary)) _prunedWhileLeaving = reason ?? "stopped by the trial scheduler";
            return;
        }
        state.State = state.State with { Status = TrialStatus.Pruned, StopReason = reason };
        await PersistAsync();
    }

    public Task<TrialCheckpointCopy> GetCheckpointAsync()
    {
        var s = state.State;
        return Task.FromResult(new TrialCheckpointCopy(s.CheckpointEpoch, s.Checkpoint, s.History.Take(s.CheckpointEpoch).ToArray()));
    }

    public Task<string?> GetReplayAsync()
    {
        var s = state.State;
        if (s.Checkpoint is null || s.Assignment is null) return Task.FromResult<string?>(null);
        var spec = TrialSpecJson.Deserialize(s.Assignment.SpecJson);
        if (s.Assignment.BaseDirectory is { } baseDirectory && spec.Dataset.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !Path.IsPathRooted(spec.Dataset))
            spec = spec with { Dataset = Path.GetFullPath(Path.Combine(baseDirectory, spec.Dataset)) };
        var replay = ReplaySpecBuilder.Build(spec, CheckpointSerializer.Deserialize(s.Checkpoint));
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

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A graceful shutdown: stop training at the next batch and leave the trial resumable from its last
        // checkpoint; the coordinator sees it idle and starts it again elsewhere.
        _deactivating = true;
        _cancellation?.Cancel();
        if (_run is not { } run) return;
        try
        {
            await run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Trial {Trial} did not stop before its deactivation ended", this.GetPrimaryKeyString());
        }
    }

    /// <summary>Stores the state as it is when this write gets its turn (changes made after go with the next write).</summary>
    private async Task PersistAsync()
    {
        await _writing.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private TrialSnapshot Snapshot()
    {
        var s = state.State;
        return new TrialSnapshot(s.Status, CurrentAttempt, s.History, s.Error, s.Silo, s.WallSeconds, IsTraining, s.Attempts, s.StopReason);
    }

    private async Task RunAsync(string sweepId, int generation, CancellationToken cancellation, Task? previousRun)
    {
        // A retry can arrive while the failed attempt is still delivering its result, and a resume while the paused one
        // is stopping at its boundary: let that finish first. Its own failure was its own (and logged), not this run's.
        if (previousRun is not null)
        {
            try
            {
                await previousRun;
            }
            catch (Exception error)
            {
                logger.LogDebug(error, "The previous run of {Trial} ended with an error", this.GetPrimaryKeyString());
            }
        }
        if (generation != _runGeneration) return; // started again meanwhile: the newest run trains the newest assignment
        var coordinator = GrainFactory.GetGrain<ISweepCoordinatorGrain>(sweepId);
        var acquired = false;
        var stopwatch = _segmentClock = new Stopwatch();
        TaskCompletionSource<bool>? waiting = null;
        try
        {
            await slots.WaitAsync(cancellation);
            acquired = true;
            stopwatch.Start();
            var s = state.State;
            var attempt = new AttemptRecord(CurrentAttempt, SiloName, s.CheckpointEpoch, s.CheckpointEpoch, DateTimeOffset.UtcNow);
            state.State = s with { Status = TrialStatus.Running, Silo = SiloName, Attempts = [.. s.Attempts, attempt] };
            await PersistAsync();

            _unreported.Clear();
            if (await AskAtResumeEpochAsync(coordinator) is { } held)
            {
                await StopAtBoundaryAsync(held, stopwatch.Elapsed, attempt.Attempt);
                return;
            }
            var progress = Channel.CreateUnbounded<EpochProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var (assignment, checkpoint) = (state.State.Assignment!, state.State.Checkpoint);
            var training = Task.Factory.StartNew(() => executor.Run(assignment, checkpoint, progress.Writer, cancellation),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var batch = new List<EpochProgress>();
            TrialDirective? stop = null;
            while (await progress.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (progress.Reader.TryRead(out var epoch)) batch.Add(epoch);
                waiting = batch[^1].Decision;
                var directive = await RecordEpochsAsync(coordinator, batch, asking: waiting is not null);
                batch.Clear();
                if (waiting is null) continue;
                // Started again while it waited (the coordinator paused and re-dispatched it, and its answer was lost
                // or came late): the newer run, queued behind this one, goes on from here.
                if (directive.Decision == TrialDecision.Continue && generation != _runGeneration)
                    directive = new TrialDirective(TrialDecision.Pause, "started again while waiting at the boundary");
                if (directive.Decision != TrialDecision.Continue) (stop, _leavingAtBoundary) = (directive, true);
                waiting.TrySetResult(directive.Decision == TrialDecision.Continue);
                waiting = null;
            }

            var result = await training;
            if (_deactivating)
            {
                await InterruptAsync(stopwatch.Elapsed);
                return;
            }
            if (stop is not null && result.Outcome == TrialOutcome.Cancelled && !cancellation.IsCancellationRequested)
            {
                await StopAtBoundaryAsync(stop, stopwatch.Elapsed, attempt.Attempt);
                return;
            }
            await FinishAsync(coordinator, StatusOf(result.Outcome, cancellation), result.Message, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (_deactivating)
        {
            await InterruptAsync(stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await FinishAsync(coordinator, TrialStatus.Cancelled, "cancelled", stopwatch.Elapsed);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Trial {Trial} attempt {Attempt} failed", this.GetPrimaryKeyString(), CurrentAttempt);
            await FinishAsync(coordinator, TrialStatus.Failed, error.Message, stopwatch.Elapsed);
        }
        finally
        {
            waiting?.TrySetResult(false); // never leave the training thread waiting for an answer that will not come
            _leavingAtBoundary = false;
            if (acquired) slots.Release();
            if (generation == _runGeneration) DelayDeactivation(TimeSpan.FromTicks(-1)); // unless a newer attempt took over
        }
    }

    // Records every epoch that finished since the last call, with the newest checkpoint among them, in at most one write
    // and one report: when storage or the coordinator is slow, batches grow instead of training waiting.
    // At a decision epoch (asking) every unreported epoch goes with the question, which is answered at once.
    private async Task<TrialDirective> RecordEpochsAsync(ISweepCoordinatorGrain coordinator, IReadOnlyList<EpochProgress> epochs, bool asking)
    {
        var s = state.State;
        var newestCheckpoint = epochs.LastOrDefault(e => e.Checkpoint is not null);
        state.State = s with
        {
            History = [.. s.History, .. epochs.Select(e => e.Record)],
            Checkpoint = newestCheckpoint?.Checkpoint ?? s.Checkpoint,
            CheckpointEpoch = newestCheckpoint?.Record.Epoch ?? s.CheckpointEpoch,
            Attempts = [.. s.Attempts.SkipLast(1), s.Attempts[^1] with { LastEpoch = epochs[^1].Record.Epoch }],
        };
        // Storage only matters at checkpoints: a resume starts from the stored checkpoint and drops the epochs after it,
        // so epochs without one are kept in memory until the next checkpoint (or the end) instead of costing a write
        // each — with `checkpoint_every: 50` and a large model that is one write of the weights per 50 epochs.
        if (newestCheckpoint is not null || asking) await PersistAsync();
        _unreported.AddRange(epochs.Select(e => e.Record));
        if (asking) return await AskAsync(coordinator);
        if (DateTimeOffset.UtcNow - _lastProgressReport < ProgressReportInterval) return TrialDirective.Continue;
        _lastProgressReport = DateTimeOffset.UtcNow;
        var records = _unreported.ToArray();
        _unreported.Clear();
        try
        {
            await coordinator.ReportEpochsAsync(new TrialEpochs(state.State.Assignment!.TrialIndex, CurrentAttempt, records, SiloName, WallSecondsSoFar));
        }
        catch (Exception error)
        {
            // The coordinator reconciles from this grain's stored state; a lost progress report loses nothing.
            logger.LogDebug(error, "Epoch report of {Trial} not delivered", this.GetPrimaryKeyString());
        }
        return TrialDirective.Continue;
    }

    // A run that starts from a checkpoint at a decision epoch asks about that epoch first: its previous run may have
    // paused there without an answer, and a coordinator that restarted from older state may never have heard of it.
    // Asking again is harmless (a rung that promoted it, or a PBT generation that was released, says go on). Returns
    // the directive when the trial is to stay at that boundary, null when it trains on.
    private async Task<TrialDirective?> AskAtResumeEpochAsync(ISweepCoordinatorGrain coordinator)
    {
        var s = state.State;
        var epoch = s.CheckpointEpoch;
        if (epoch == 0 || s.Assignment?.DecisionEpochs?.Contains(epoch) != true || s.History.Count < epoch) return null;
        _unreported.Add(s.History[epoch - 1]);
        var directive = await AskAsync(coordinator);
        return directive.Decision == TrialDecision.Continue ? null : directive;
    }

    // The checkpoint of the decision epoch is stored. A trial that gets no answer (the coordinator's silo died, or its
    // state could not be stored) pauses there: training on past a rung or a PBT boundary would decide it without its
    // scheduler. The coordinator, back, finds it paused when it reconciles and decides about that epoch then.
    private async Task<TrialDirective> AskAsync(ISweepCoordinatorGrain coordinator)
    {
        _lastProgressReport = DateTimeOffset.UtcNow;
        var question = new TrialEpochs(state.State.Assignment!.TrialIndex, CurrentAttempt, _unreported.ToArray(), SiloName, WallSecondsSoFar);
        _unreported.Clear();
        _awaitingDecision = true;
        try
        {
            return await TransientFailures.RetryAsync(() => coordinator.DecideAsync(question), DecisionPatience);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "No decision for {Trial} at epoch {Epoch}; it pauses there", this.GetPrimaryKeyString(), question.Records[^1].Epoch);
            return new TrialDirective(TrialDecision.Pause, $"no decision from the coordinator at epoch {question.Records[^1].Epoch}: paused until it decides");
        }
        finally
        {
            _awaitingDecision = false;
        }
    }

    // Paused or stopped by the trial scheduler at an epoch boundary: the checkpoint of that epoch is stored and the
    // coordinator, which decided it, already knows. A newer attempt may already be queued behind this one.
    private async Task StopAtBoundaryAsync(TrialDirective directive, TimeSpan elapsed, int attempt)
    {
        var s = state.State;
        var superseded = s.Status == TrialStatus.Pending && CurrentAttempt > attempt;
        var pruned = _prunedWhileLeaving;
        _prunedWhileLeaving = null;
        var status = superseded ? s.Status
            : pruned is not null || directive.Decision == TrialDecision.Stop ? TrialStatus.Pruned
            : TrialStatus.Paused;
        var reason = superseded ? null : pruned ?? directive.Reason;
        state.State = s with { Status = status, StopReason = reason, WallSeconds = s.WallSeconds + elapsed.TotalSeconds };
        await PersistAsync();
    }

    private async Task FinishAsync(ISweepCoordinatorGrain coordinator, TrialStatus status, string? message, TimeSpan elapsed)
    {
        var s = state.State;
        state.State = s with
        {
            Status = status,
            Error = status is TrialStatus.Failed or TrialStatus.Diverged ? message : null,
            WallSeconds = s.WallSeconds + elapsed.TotalSeconds,
        };
        // Taken before the write: a start of the next attempt may change the state while the write is in flight.
        var finished = new TrialFinished(state.State.Assignment!.TrialIndex, CurrentAttempt, status, state.State.History, state.State.Error,
            SiloName, state.State.WallSeconds);
        await PersistAsync();
        try
        {
            await coordinator.ReportFinishedAsync(finished);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Result of {Trial} not delivered; the coordinator will reconcile", this.GetPrimaryKeyString());
        }
    }

    // Stopped by a deactivation, not by the user: back to Pending with the checkpoint kept, nothing reported.
    private async Task InterruptAsync(TimeSpan elapsed)
    {
        state.State = state.State with { Status = TrialStatus.Pending, WallSeconds = state.State.WallSeconds + elapsed.TotalSeconds };
        await PersistAsync();
    }

    private static TrialStatus StatusOf(TrialOutcome outcome, CancellationToken cancellation) => outcome switch
    {
        TrialOutcome.Completed => TrialStatus.Completed,
        TrialOutcome.Diverged => TrialStatus.Diverged,
        _ when cancellation.IsCancellationRequested => TrialStatus.Cancelled,
        _ => TrialStatus.Failed,
    };
}
