// An in-process cache of large values with a budget in bytes: the least recently used values go first when a new one
// would not fit, and a value larger than the whole budget is handed out but not kept. Concurrent requests for one key
// share one load (a silo whose trials all start at once fetches a dataset once); a failed load is not kept, so a later
// request tries again.
// Deliberately does not expire values by time or know what they are (the silo's dataset cache gives the sizes).
namespace SweepCluster.Engine.Data;

public sealed class SizeBoundedCache<TKey, TValue> where TKey : notnull where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<TValue>> _loading = [];
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value, long Size)>> _kept = [];
    private readonly LinkedList<(TKey Key, TValue Value, long Size)> _recency = []; // most recently used first
    private readonly Func<TValue, long> _sizeOf;

    /// <param name="budgetBytes">The most the kept values may take together.</param>
    /// <param name="sizeOf">A value's size in bytes.</param>
    public SizeBoundedCache(long budgetBytes, Func<TValue, long> sizeOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetBytes);
        ArgumentNullException.ThrowIfNull(sizeOf);
        BudgetBytes = budgetBytes;
        _sizeOf = sizeOf;
    }

    /// <summary>The most the kept values may take together.</summary>
    public long BudgetBytes { get; }

    /// <summary>What the kept values take now.</summary>
    public long KeptBytes { get; private set; }

    /// <summary>How many values are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _kept.Count;
        }
    }

    /// <summary>How many loads were started (for tests and diagnostics: one per key while it stays kept).</summary>
    public int Loads { get; private set; }

    /// <summary>The value of <paramref name="key"/>: kept, being loaded, or loaded now by <paramref name="load"/>.</summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Task<TValue> pending;
        var mine = false;
        lock (_gate)
        {
            if (_kept.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Value;
            }
            if (!_loading.TryGetValue(key, out pending!))
            {
                pending = Task.Run(() => load(key));
                _loading[key] = pending;
                Loads++;
                mine = true;
            }
        }
        try
        {
            var value = await pending;
            if (mine) Keep(key, value);
            return value;
        }
        finally
        {
            if (mine)
            {
                lock (_gate) _loading.Remove(key);
            }
        }
    }

    /// <summary>Whether <paramref name="key"/>'s value is kept now.</summary>
    public bool Holds(TKey key)
    {
        lock (_gate) return _kept.ContainsKey(key);
    }

    private void Keep(TKey key, TValue value)
    {
        var size = _sizeOf(value);
        lock (_gate)
        {
            if (size > BudgetBytes || _kept.ContainsKey(key)) return;
            while (KeptBytes + size > BudgetBytes && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _kept.Remove(oldest.Value.Key);
                KeptBytes -= oldest.Value.Size;
            }
            _kept[key] = _recency.AddFirst((key, value, size));
            KeptBytes += size;
        }
    }
}
