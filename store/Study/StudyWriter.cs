// The batching writer the coordinator feeds while a sweep runs: Add queues a trial or epoch row in memory (a row
// with the key of a waiting one replaces it) and returns at once; a background loop writes what waits in one
// transaction per batch of BatchRows rows, when a batch is full or FlushInterval after the last write; FlushAsync
// and DisposeAsync write everything added before them. A write that fails because the store is locked or unreachable
// keeps its rows for the next try; a write that fails otherwise drops them, counts them as lost and makes the next
// FlushAsync or DisposeAsync throw, so no loss goes unseen and no bad row blocks the rows behind it.
namespace SweepCluster.Store.Study;

/// <summary>Writes trial and epoch rows in batches.</summary>
public sealed class StudyWriter : IAsyncDisposable
{
    private readonly StudyStore _store;
    private readonly StudyWriterOptions _options;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private PendingRows _pending = new();
    private Exception? _unreportedLoss;
    private long _transactions;
    private long _rowsWritten;
    private long _rowsSkipped;
    private long _rowsLost;
    private bool _disposed;

    internal StudyWriter(StudyStore store, StudyWriterOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchRows, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FlushInterval, TimeSpan.Zero, nameof(options));
        _store = store;
        _options = options;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>What the writer has done so far.</summary>
    public StudyWriterStatistics Statistics
    {
        get
        {
            int pending;
            lock (_gate) pending = _pending.Count;
            return new StudyWriterStatistics(
                Interlocked.Read(ref _transactions), Interlocked.Read(ref _rowsWritten), Interlocked.Read(ref _rowsSkipped),
                Interlocked.Read(ref _rowsLost), pending);
        }
    }

    /// <summary>Queues a trial row (replacing a waiting row of the same trial).</summary>
    /// <exception cref="ArgumentException">A hyperparameter column that the store cannot hold (see <see cref="StudyStore.WriteAsync"/>).</exception>
    public void Add(TrialRow row)
    {
        _store.Validate([row], []);
        Enqueue(pending => pending.Add(row));
    }

    /// <summary>Queues an epoch row (replacing a waiting row of the same epoch).</summary>
    public void Add(EpochRow row)
    {
        _store.Validate([], [row]);
        Enqueue(pending => pending.Add(row));
    }

    /// <summary>Writes every row added before this call.</summary>
    /// <exception cref="StoreException">The write failed (its rows stay queued when the store was locked or
    /// unreachable), or an earlier background write lost rows.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await WriteWaitingAsync(cancellationToken);
        ThrowUnreportedLoss();
    }

    /// <summary>Stops the background loop and writes what is waiting.</summary>
    /// <exception cref="StoreException">The last write failed, or an earlier one lost rows.</exception>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stopping.CancelAsync();
        await _loop;
        try
        {
            await WriteWaitingAsync(CancellationToken.None);
            ThrowUnreportedLoss();
        }
        finally
        {
            _stopping.Dispose();
            _wake.Dispose();
            _writing.Dispose();
        }
    }

    private void Enqueue(Action<PendingRows> add)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool full;
        lock (_gate)
        {
            var before = _pending.Count;
            add(_pending);
            full = before < _options.BatchRows && _pending.Count >= _options.BatchRows;
        }
        if (full) _wake.Release();
    }

    private async Task RunAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.FlushInterval, _stopping.Token);
                await WriteWaitingAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (StoreException)
            {
                // The rows went back to the queue (locked, unreachable) or were counted as lost; the loop tries again.
            }
        }
    }

    /// <summary>Takes everything waiting and writes it, one transaction per batch.</summary>
    private async Task WriteWaitingAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            PendingRows taken;
            lock (_gate)
            {
                if (_pending.IsEmpty) return;
                taken = _pending;
                _pending = new PendingRows();
            }
            await WriteInBatchesAsync(taken.Trials.ToList(), taken.Epochs.ToList(), cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task WriteInBatchesAsync(List<TrialRow> trials, List<EpochRow> epochs, CancellationToken cancellationToken)
    {
        var trialsDone = 0;
        var epochsDone = 0;
        while (trialsDone < trials.Count || epochsDone < epochs.Count)
        {
            var trialBatch = trials.GetRange(trialsDone, Math.Min(_options.BatchRows, trials.Count - trialsDone));
            var epochBatch = epochs.GetRange(epochsDone, Math.Min(_options.BatchRows - trialBatch.Count, epochs.Count - epochsDone));
            try
            {
                var result = await _store.WriteAsync(trialBatch, epochBatch, cancellationToken);
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _rowsWritten, result.Written);
                Interlocked.Add(ref _rowsSkipped, result.Skipped);
            }
            catch (Exception exception) when (exception is StoreException { Kind: StoreErrorKind.Locked or StoreErrorKind.Unreachable }
                                              or OperationCanceledException)
            {
                lock (_gate) _pending.AddOlder(trials.Skip(trialsDone), epochs.Skip(epochsDone));
                throw;
            }
            catch (Exception exception)
            {
                Interlocked.Add(ref _rowsLost, trialBatch.Count + epochBatch.Count);
                lock (_gate) _unreportedLoss = exception;
            }
            trialsDone += trialBatch.Count;
            epochsDone += epochBatch.Count;
        }
    }

    private void ThrowUnreportedLoss()
    {
        Exception? loss;
        lock (_gate)
        {
            loss = _unreportedLoss;
            _unreportedLoss = null;
        }
        if (loss is not null)
        {
            throw loss as StoreException ?? new StoreException(StoreErrorKind.Failed, _store.Name,
                $"{_store.Name}: rows could not be written and were dropped: {loss.Message}", loss);
        }
    }
}
