// One run of a trial: waits for the previous run and a training slot, trains on a dedicated thread, and hands every
// epoch, question, stop and end to its grain through ITrialAttemptSink (grain turns, so never at the same time as a
// start) and to the coordinator. It runs on the thread pool, never on the grain's scheduler.
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SweepCluster.Engine.Training;
using SweepCluster.Core;

using SweepCluster.Abstractions;
using SweepCluster.Grains.Datasets;

namespace SweepCluster.Grains.Trials;

internal sealed class TrialAttemptRun(
    AttemptTicket ticket,
    ITrialAttemptSink sink,
    ISweepCoordinatorGrain coordinator,
    TrainingSlots slots,
    ITrialExecutor executor,
    SiloDatasets datasets,
    Func<bool> isNewest,
    Func<bool> deactivating,
    ILogger logger,
    string trialKey)
{
    /// <summary>How long a trial waiting at a decision epoch keeps retrying a coordinator that does not answer.</summary>
    private static readonly TimeSpan DecisionPatience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the run keeps retrying a call to its own grain that the cluster rejected while it reshaped (another silo
    /// died): the run goes on training, it does not fail over it and get started again from its checkpoint.
    /// </summary>
    private static readonly TimeSpan OwnGrainPatience = TimeSpan.FromSeconds(60);

    /// <summary>The grain ended the run when it took the result (FinishAsync): no separate end call follows.</summary>
    private bool _endedByFinish;

    /// <summary>This run holds one of the silo's training slots (released as soon as training is over).</summary>
    private bool _holdsSlot;

    /// <param name="previousRun">An older run of the same trial that must end first, if any.</param>
    /// <param name="begun">The attempt as its start began it, holding a slot already (a slot was free when it started), or
    /// null: the run waits for the previous run and a slot, then begins.</param>
    /// <param name="cancellation">Cancels the trial (a user's cancel, or the grain's deactivation).</param>

    public async Task RunAsync(Task? previousRun, AttemptBegin? begun, CancellationToken cancellation)
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
                logger.LogDebug(error, "The previous run of {Trial} ended with an error", trialKey);
            }
        }
        _holdsSlot = begun is not null;
        TaskCompletionSource<bool>? waiting = null;
        try
        {
            var begin = begun;
            if (begin is null)
            {
                if (!isNewest()) return; // started again meanwhile: the newest run trains the newest assignment
                await slots.WaitAsync(cancellation);
                _holdsSlot = true;
                begin = await sink.BeginAsync(ticket);
                if (begin is null) return;
            }
            if (begin.QuestionFirst is { } question && await AskAsync(question) is { Decision: not TrialDecision.Continue } held)
            {
                await sink.StopAtBoundaryAsync(ticket, held);
                return;
            }
            await TrainAsync(begin, cancellation, w => waiting = w);
        }
        catch (OperationCanceledException) when (deactivating())
        {
            // The grain's deactivation stores the interruption.
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await EndAsync(TrialStatus.Cancelled, "cancelled");
        }
        catch (Exception error) when (!deactivating())
        {
            logger.LogWarning(error, "Trial {Trial} attempt {Attempt} failed", trialKey, ticket.Attempt);
            await EndAsync(TrialStatus.Failed, error.Message);
        }
        finally
        {
            waiting?.TrySetResult(false); // never leave the training thread waiting for an answer that will not come
            ReleaseSlot();
            if (!_endedByFinish) await EndRunAsync();
        }
    }

    private async Task TrainAsync(AttemptBegin begin, CancellationToken cancellation, Action<TaskCompletionSource<bool>?> setWaiting)
    {
        var progress = Channel.CreateUnbounded<EpochProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var data = await datasets.ForTrialAsync(begin.Assignment); // this silo's copy of its data file, fetched once by hash
        // The trainer stops with the run: a run that ends early (it failed) must not leave its training thread going on
        // alone, a second copy of the trial beside the attempt that is started next.
        using var stopTraining = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var training = slots.RunOnSlotThreadAsync(() => executor.Run(begin.Assignment, data, begin.Checkpoint, progress.Writer, stopTraining.Token));
        try
        {
            await PumpAsync(begin, progress.Reader, training, cancellation, setWaiting);
        }
        catch when (!training.IsCompleted)
        {
            stopTraining.Cancel();
            await training.ContinueWith(_ => { }, TaskScheduler.Default); // stopped at its next batch; its outcome is this failure
            throw;
        }
    }

    private async Task PumpAsync(AttemptBegin begin, ChannelReader<EpochProgress> progress, Task<TrainingResult> training, CancellationToken cancellation,
        Action<TaskCompletionSource<bool>?> setWaiting)
    {
        var batch = new List<EpochProgress>();
        TrialDirective? stop = null;
        EpochBatch? last = null;
        while (await progress.WaitToReadAsync(CancellationToken.None))
        {
            while (progress.TryRead(out var epoch)) batch.Add(epoch);
            await RecordEarlierCheckpointsAsync(batch);
            var decision = batch[^1].Decision;
            setWaiting(decision);
            var epochs = EpochBatching.ToBatch(batch, asking: decision is not null);
            batch.Clear();
            if (decision is null && epochs.Records[^1].Epoch == begin.Assignment.Spec.Epochs)
            {
                // The last epoch: stored with the trial's end, in one turn and one write.
                last = epochs;
                continue;
            }
            var report = await TransientFailures.RetryAsync(() => sink.RecordAsync(ticket, epochs), OwnGrainPatience); // idempotent
            if (decision is null)
            {
                if (report is not null) await ReportProgressAsync(report);
                continue;
            }
            var directive = report is null
                ? new TrialDirective(TrialDecision.Pause, "started again while waiting at the boundary")
                : await AskAsync(report);
            if (directive.Decision != TrialDecision.Continue) stop = directive;
            decision.TrySetResult(directive.Decision == TrialDecision.Continue);
            setWaiting(null);
        }

        var result = await training;
        ReleaseSlot(); // the training thread is done: the next trial may start while this one reports
        if (deactivating()) return; // the grain's deactivation stores the interruption
        if (stop is not null && result.Outcome == TrialOutcome.Cancelled && !cancellation.IsCancellationRequested)
        {
            await sink.StopAtBoundaryAsync(ticket, stop);
            return;
        }
        var status = result.Outcome switch
        {
            TrialOutcome.Completed => TrialStatus.Completed,
            TrialOutcome.Diverged => TrialStatus.Diverged,
            _ when cancellation.IsCancellationRequested => TrialStatus.Cancelled,
            _ => TrialStatus.Failed,
        };
        await EndAsync(status, result.Message, last, result.Test);
    }

    private async Task RecordEarlierCheckpointsAsync(List<EpochProgress> batch)
    {
        foreach (var segment in EpochBatching.TakeEarlierCheckpoints(batch))
        {
            var report = await TransientFailures.RetryAsync(() => sink.RecordAsync(ticket, segment), OwnGrainPatience); // idempotent
            if (report is not null) await ReportProgressAsync(report);
        }
    }

    private void ReleaseSlot()
    {
        if (!_holdsSlot) return;
        _holdsSlot = false;
        slots.Release();
    }

    // The checkpoint of the decision epoch is stored. A trial that gets no answer (the coordinator's silo died, or its
    // state could not be stored) pauses there: training on past a rung or a PBT boundary would decide it without its
    // scheduler. The coordinator, back, finds it paused when it reconciles and decides about that epoch then.
    private async Task<TrialDirective> AskAsync(TrialEpochs question)
    {
        TrialDirective answer;
        try
        {
            answer = await TransientFailures.RetryAsync(() => coordinator.DecideAsync(question), DecisionPatience);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "No decision for {Trial} at epoch {Epoch}; it pauses there", trialKey, question.Records[^1].Epoch);
            answer = new TrialDirective(TrialDecision.Pause, $"no decision from the coordinator at epoch {question.Records[^1].Epoch}: paused until it decides");
        }
        return await sink.DecidedAsync(ticket, answer);
    }

    private async Task ReportProgressAsync(TrialEpochs epochs)
    {
        try
        {
            await coordinator.ReportEpochsAsync(epochs);
        }
        catch (Exception error)
        {
            // The coordinator reconciles from the grain's stored state; a lost progress report loses nothing.
            logger.LogDebug(error, "Epoch report of {Trial} not delivered", trialKey);
        }
    }

    private async Task EndAsync(TrialStatus status, string? message, EpochBatch? last = null, HeldOutEvaluation? test = null)
    {
        if (deactivating()) return;
        var finished = await TransientFailures.RetryAsync(() => sink.FinishAsync(ticket, last, status, message, test), OwnGrainPatience); // idempotent
        _endedByFinish = true;
        if (finished is null) return;
        try
        {
            await coordinator.ReportFinishedAsync(finished);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Result of {Trial} not delivered; the coordinator will reconcile", trialKey);
        }
    }

    private async Task EndRunAsync()
    {
        if (deactivating()) return;
        try
        {
            await sink.EndAsync(ticket);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "The end of a run of {Trial} was not recorded", trialKey);
        }
    }
}
