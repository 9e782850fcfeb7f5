// The study recorder of a silo with a store: trial and epoch rows go into the silo's one batching StudyWriter (it
// returns at once; the writer retries a locked or unreachable store by itself), sweep rows are written directly, one
// at a time in the order they were asked for. Nothing here throws at a grain: a row that cannot be written is logged.
using Microsoft.Extensions.Logging;
using SweepCluster.Coordination;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Grains.Recording;
using SweepCluster.Store;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Hosting.Storage;

/// <summary>An <see cref="IStudyRecorder"/> over the silo's store.</summary>
public sealed class StoreStudyRecorder(SiloStore store, ILogger<StoreStudyRecorder> logger) : IStudyRecorder
{
    /// <summary>How often a sweep row is tried while the store is locked or unreachable.</summary>
    private const int SweepRowAttempts = 5;

    private static readonly TimeSpan SweepRowRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private Task _sweepWrites = Task.CompletedTask;

    public Task RecordSweepAsync(StudySweep sweep) =>
        InOrder(cancellation => store.Store.UpsertSweepAsync(
            new SweepRow(sweep.Id, sweep.Name, sweep.SpecText, sweep.Status, sweep.Created, sweep.Finished, sweep.Metric), cancellation), sweep.Id);

    // The trial rows queued before it are written first: a reader that sees the sweep ended sees its trials' ends.
    public void RecordSweepStatus(string sweepId, SweepStatus status, DateTimeOffset? finished) =>
        _ = InOrder(async cancellation =>
        {
            await store.Writer.FlushAsync(cancellation);
            await store.Store.SetSweepStatusAsync(sweepId, status, finished, cancellation);
        }, sweepId);

    public void RecordTrial(string sweepId, SweepPlan plan, TrialSummary trial)
    {
        try
        {
            store.Writer.Add(StudyRows.Trial(sweepId, plan, trial));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogWarning(error, "The row of trial {Sweep}/{Trial} was not recorded", sweepId, trial.Index);
        }
    }

    public void RecordEpochs(string sweepId, int trialIndex, IReadOnlyList<EpochRecord> epochs)
    {
        try
        {
            foreach (var epoch in epochs) store.Writer.Add(new EpochRow(sweepId, trialIndex, epoch));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogWarning(error, "Epochs of trial {Sweep}/{Trial} were not recorded", sweepId, trialIndex);
        }
    }

    // After the rows queued before it: a trial row written late would otherwise bring the sweep's rows back.
    public Task DeleteSweepAsync(string sweepId) =>
        InOrder(async cancellation =>
        {
            await store.Writer.FlushAsync(cancellation);
            await store.Store.DeleteSweepAsync(sweepId, cancellation);
        }, sweepId);

    public async Task<IReadOnlyDictionary<int, int>?> CountEpochRowsAsync(string sweepId)
    {
        try
        {
            await store.Writer.FlushAsync();
            var epochs = await store.Store.ReadEpochsAsync(sweepId);
            return epochs.GroupBy(epoch => epoch.Trial).ToDictionary(trial => trial.Key, trial => trial.Count());
        }
        catch (Exception error) when (error is StoreException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogWarning(error, "The epoch rows of sweep {Sweep} could not be counted", sweepId);
            return null;
        }
    }

    // Sweep rows one after another, in the order asked (a status never overtakes the row it updates).
    private Task InOrder(Func<CancellationToken, Task> write, string sweepId)
    {
        lock (_gate)
        {
            var previous = _sweepWrites;
            return _sweepWrites = RunAfterAsync(previous, write, sweepId);
        }
    }

    private async Task RunAfterAsync(Task previous, Func<CancellationToken, Task> write, string sweepId)
    {
        await previous;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write(CancellationToken.None);
                return;
            }
            catch (StoreException error) when (error.Kind is StoreErrorKind.Locked or StoreErrorKind.Unreachable && attempt < SweepRowAttempts)
            {
                await Task.Delay(SweepRowRetryDelay);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "The row of sweep {Sweep} was not recorded", sweepId);
                return;
            }
        }
    }
}
