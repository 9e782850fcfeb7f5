// The silo-wide limit on concurrent training: one gate shared by every trial grain of this silo.
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Trials;

/// <summary>At most <see cref="Capacity"/> trials of this silo train at once; the rest wait as Pending.</summary>
public sealed class TrainingSlots : IDisposable
{
    private readonly SemaphoreSlim _gate;

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

    public void Release() => _gate.Release();

    public void Dispose() => _gate.Dispose();
}
