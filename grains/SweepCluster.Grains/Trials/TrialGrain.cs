// A trial grain: one training run of one sweep. Start returns at once; the training itself runs on a dedicated
// thread (TrialRunner) behind the silo's TrainingSlots gate, while this grain, on its own scheduler, stores each
// epoch and checkpoint and reports them to the coordinator. Calls to it stay short; status calls interleave.
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Hosting;
using SweepCluster.Sweeps;

namespace SweepCluster.Grains.Trials;

public sealed class TrialGrain(
    [PersistentState("trial", StorageNames.Sweeps)] IPersistentState<TrialGrainState> state,
    TrainingSlots slots,
    ILocalSiloDetails localSilo,
    ILogger<TrialGrain> logger) : Grain, ITrialGrain
{
    /// <summary>Keeps a training activation alive however long the trial takes (cancelled when it ends).</summary>
    private static readonly TimeSpan KeepAliveWhileTraining = TimeSpan.FromDays(7);

    private CancellationTokenSource? _cancellation;
    private Task? _run;
    private bool _deactivating;

    /// <summary>The silo as people read it: its endpoint, without the generation number.</summary>
    private string SiloName => localSilo.SiloAddress.Endpoint.ToString();

    public async Task StartAsync(TrialAssignment assignment)
    {
        var current = state.State;
        if (current.Assignment is { } previous && previous.Attempt > assignment.Attempt) return; // a stale retry
        if (_run is { IsCompleted: false }) return;                                              // already training
        if (current.Assignment?.Attempt == assignment.Attempt && current.Status.IsTerminal()) return;

        var resumeFrom = current.Checkpoint is not null && current.Assignment?.SpecJson == assignment.SpecJson;
        state.State = current with
        {
            Assignment = assignment,
            Status = TrialStatus.Pending,
            Error = null,
            Checkpoint = resumeFrom ? current.Checkpoint : null,
            CheckpointEpoch = resumeFrom ? current.CheckpointEpoch : 0,
            History = resumeFrom ? current.History.Take(current.CheckpointEpoch).ToArray() : [],
        };
        await state.WriteStateAsync();
        _cancellation = new CancellationTokenSource();
        DelayDeactivation(KeepAliveWhileTraining);
        _run = RunAsync(assignment, _cancellation.Token);
    }

    public Task<TrialSnapshot> GetSnapshotAsync()
    {
        var s = state.State;
        return Task.FromResult(new TrialSnapshot(s.Status, s.Assignment?.Attempt ?? 0, s.History, s.Error, s.Silo, s.WallSeconds,
            IsTraining: _run is { IsCompleted: false }));
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
        catch (TimeoutException)
        {
            logger.LogWarning("Trial {Trial} did not stop before deactivation ended", this.GetPrimaryKeyString());
        }
    }

    private async Task RunAsync(TrialAssignment assignment, CancellationToken cancellation)
    {
        var coordinator = GrainFactory.GetGrain<ISweepCoordinatorGrain>(assignment.SweepId);
        var acquired = false;
        var stopwatch = new Stopwatch();
        try
        {
            await slots.WaitAsync(cancellation);
            acquired = true;
            stopwatch.Start();
            state.State = state.State with { Status = TrialStatus.Running, Silo = SiloName };
            await state.WriteStateAsync();

            var progress = Channel.CreateUnbounded<EpochProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var checkpoint = state.State.Checkpoint;
            var training = Task.Factory.StartNew(() => TrialRunner.Run(assignment, checkpoint, progress.Writer, cancellation),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            await foreach (var epoch in progress.Reader.ReadAllAsync(CancellationToken.None))
                await RecordEpochAsync(coordinator, assignment, epoch);

            var result = await training;
            if (_deactivating)
            {
                await InterruptAsync(stopwatch.Elapsed);
                return;
            }
            await FinishAsync(coordinator, assignment, StatusOf(result.Outcome, cancellation), result.Message, stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (_deactivating)
        {
            await InterruptAsync(stopwatch.Elapsed);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await FinishAsync(coordinator, assignment, TrialStatus.Cancelled, "cancelled", stopwatch.Elapsed);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Trial {Sweep}/{Trial} attempt {Attempt} failed", assignment.SweepId, assignment.TrialIndex, assignment.Attempt);
            await FinishAsync(coordinator, assignment, TrialStatus.Failed, error.Message, stopwatch.Elapsed);
        }
        finally
        {
            if (acquired) slots.Release();
            DelayDeactivation(TimeSpan.FromTicks(-1));
        }
    }

    private async Task RecordEpochAsync(ISweepCoordinatorGrain coordinator, TrialAssignment assignment, EpochProgress epoch)
    {
        var s = state.State;
        state.State = s with
        {
            History = [.. s.History, epoch.Record],
            Checkpoint = epoch.Checkpoint ?? s.Checkpoint,
            CheckpointEpoch = epoch.Checkpoint is null ? s.CheckpointEpoch : epoch.Record.Epoch,
        };
        await state.WriteStateAsync();
        try
        {
            await coordinator.ReportEpochAsync(new TrialEpoch(assignment.TrialIndex, assignment.Attempt, epoch.Record, SiloName));
        }
        catch (Exception error)
        {
            // The coordinator reconciles from this grain's stored state; a lost progress report loses nothing.
            logger.LogDebug(error, "Epoch report of {Sweep}/{Trial} not delivered", assignment.SweepId, assignment.TrialIndex);
        }
    }

    private async Task FinishAsync(ISweepCoordinatorGrain coordinator, TrialAssignment assignment, TrialStatus status, string? message, TimeSpan elapsed)
    {
        var s = state.State;
        state.State = s with
        {
            Status = status,
            Error = status is TrialStatus.Failed or TrialStatus.Diverged ? message : null,
            WallSeconds = s.WallSeconds + elapsed.TotalSeconds,
        };
        await state.WriteStateAsync();
        var finished = new TrialFinished(assignment.TrialIndex, assignment.Attempt, status, state.State.History, state.State.Error, SiloName, elapsed.TotalSeconds);
        try
        {
            await coordinator.ReportFinishedAsync(finished);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Result of {Sweep}/{Trial} not delivered; the coordinator will reconcile", assignment.SweepId, assignment.TrialIndex);
        }
    }

    // Stopped by a deactivation, not by the user: back to Pending with the checkpoint kept, nothing reported.
    private async Task InterruptAsync(TimeSpan elapsed)
    {
        state.State = state.State with { Status = TrialStatus.Pending, WallSeconds = state.State.WallSeconds + elapsed.TotalSeconds };
        await state.WriteStateAsync();
    }

    private static TrialStatus StatusOf(TrialOutcome outcome, CancellationToken cancellation) => outcome switch
    {
        TrialOutcome.Completed => TrialStatus.Completed,
        TrialOutcome.Diverged => TrialStatus.Diverged,
        _ when cancellation.IsCancellationRequested => TrialStatus.Cancelled,
        _ => TrialStatus.Failed,
    };
}
