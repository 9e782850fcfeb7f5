// The silo-wide limit on concurrent training: one gate shared by every trial grain of this silo, and one long-lived
// training thread per slot, so that a trial never pays for creating an OS thread (or blocks a thread-pool thread).
using System.Collections.Concurrent;

namespace SweepCluster.Grains.Trials;

/// <summary>At most <see cref="Capacity"/> trials of this silo train at once; the rest wait as Pending.</summary>
public sealed class TrainingSlots : IDisposable
{
    private readonly SemaphoreSlim _gate;
    private readonly BlockingCollection<Action> _work = new();
    private readonly Lock _threadsLock = new();
    private Thread[]? _threads;

    public TrainingSlots(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _gate = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Trials training right now.</summary>
    public int InUse => Capacity - _gate.CurrentCount;

    public Task WaitAsync(CancellationToken cancellation) => _gate.WaitAsync(cancellation);

    /// <summary>Takes a slot if one is free now, without waiting.</summary>
    public bool TryAcquire() => _gate.Wait(0);

    public void Release() => _gate.Release();

    /// <summary>
    /// Runs a slot holder's training on one of the slot threads. Every caller holds a slot, so a thread is always free
    /// (or about to be: the previous holder's work item has ended before its slot was released).
    /// </summary>
    public Task<T> RunOnSlotThreadAsync<T>(Func<T> training)
    {
        StartThreadsOnce();
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                result.SetResult(training());
            }
            catch (Exception error)
            {
                result.SetException(error);
            }
        });
        return result.Task;
    }

    private void StartThreadsOnce()
    {
        if (Volatile.Read(ref _threads) is not null) return;
        lock (_threadsLock)
        {
            if (_threads is not null) return;
            var threads = new Thread[Capacity];
            for (var i = 0; i < threads.Length; i++)
            {
                threads[i] = new Thread(WorkLoop) { IsBackground = true, Name = $"training-slot-{i}" };
                threads[i].Start();
            }
            Volatile.Write(ref _threads, threads);
        }
    }

    private void WorkLoop()
    {
        foreach (var training in _work.GetConsumingEnumerable()) training();
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        _gate.Dispose();
    }
}
