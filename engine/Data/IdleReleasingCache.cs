// A process-wide cache of large read-only values (datasets, prepared training data) that lets go of what nobody has
// asked for in a while. An entry idle for longer than the retention is held only weakly: while a trial still uses it,
// it stays reachable and is handed out again; once the last user has ended, the garbage collector frees it, and a
// later request loads it anew. Trials of a sweep ask one after another, well within the retention, and share one
// copy; a silo at rest holds none (a fashion-mnist training set and its prepared split are ~190 MB each).
using System.Collections.Concurrent;

namespace SweepCluster.Engine.Data;

public sealed class IdleReleasingCache<TKey, TValue> where TKey : notnull where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly ITimer? _releaser;

    /// <param name="retention">How long an entry nobody asked for stays held strongly.</param>
    /// <param name="time">The clock; null for the system's. <paramref name="releaseOnTimer"/>: check every half retention.</param>
    public IdleReleasingCache(TimeSpan retention, TimeProvider? time = null, bool releaseOnTimer = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        _retention = retention;
        _time = time ?? TimeProvider.System;
        if (releaseOnTimer) _releaser = _time.CreateTimer(_ => ReleaseIdleAndReturnMemory(), null, retention / 2, retention / 2);
    }

    /// <summary>Entries held (strongly or weakly), for tests and diagnostics.</summary>
    public int Count => _entries.Count;

    /// <summary>The value of <paramref name="key"/>, loaded by <paramref name="load"/> once while it is held; a failed load is not kept.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> load)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, k => new Entry(new Lazy<TValue>(() => load(k), LazyThreadSafetyMode.ExecutionAndPublication)));
            try
            {
                if (entry.TryTake(_time.GetUtcNow(), out var value)) return value;
            }
            catch
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry)); // a later call may succeed (file installed or fixed)
                throw;
            }
            _entries.TryRemove(KeyValuePair.Create(key, entry)); // collected since it was released: load it again
        }
    }

    /// <summary>Holds weakly every loaded entry nobody asked for within the retention; forgets entries already collected.</summary>
    /// <returns>How many entries it let go of now.</returns>
    public int ReleaseIdle()
    {
        var now = _time.GetUtcNow();
        var released = 0;
        foreach (var (key, entry) in _entries)
        {
            var (letGo, empty) = entry.Release(now - _retention);
            if (letGo) released++;
            if (empty) _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
        return released;
    }

    // The values are large: once they are let go, a compacting collection gives their memory back to the operating
    // system (a plain one keeps it committed, so a silo at rest would still show the sweep's peak as its resident set).
    private void ReleaseIdleAndReturnMemory()
    {
        if (ReleaseIdle() > 0) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private sealed class Entry(Lazy<TValue> strong)
    {
        private readonly Lock _gate = new();
        private Lazy<TValue>? _strong = strong;
        private WeakReference<TValue>? _weak;
        private DateTimeOffset _lastUsed = DateTimeOffset.MinValue;

        /// <summary>The value, held strongly again; false when it was released and has been collected.</summary>
        public bool TryTake(DateTimeOffset now, out TValue value)
        {
            value = null!;
            Lazy<TValue>? strong;
            lock (_gate)
            {
                _lastUsed = now;
                if (_strong is null)
                {
                    if (_weak is null || !_weak.TryGetTarget(out var held)) return false;
                    value = held;
                    _strong = new Lazy<TValue>(held);
                    _weak = null;
                    return true;
                }
                strong = _strong;
            }
            value = strong.Value; // outside the gate: a load may take seconds
            return true;
        }

        /// <summary>Lets go of a loaded value idle since before <paramref name="cutoff"/>: whether it did now, and whether the entry is empty.</summary>
        public (bool LetGo, bool Empty) Release(DateTimeOffset cutoff)
        {
            lock (_gate)
            {
                var letGo = false;
                if (_strong is { IsValueCreated: true } strong && _lastUsed < cutoff)
                {
                    _weak = new WeakReference<TValue>(strong.Value);
                    _strong = null;
                    letGo = true;
                }
                return (letGo, _strong is null && (_weak is null || !_weak.TryGetTarget(out _)));
            }
        }
    }
}
