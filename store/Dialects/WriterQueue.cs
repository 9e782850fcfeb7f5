// One queue of writers per SQLite database in this process, shared by every store opened on it (a silo and a
// command reading the same file, two test fixtures): a writer takes its turn here before it writes, so the writers
// of this process follow one another at once instead of meeting the file's lock.
using System.Collections.Concurrent;

namespace SweepCluster.Store.Dialects;

/// <summary>The in-process turn to write one database file.</summary>
internal sealed class WriterQueue
{
    private static readonly ConcurrentDictionary<string, WriterQueue> ByDatabase = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);

    private WriterQueue()
    {
    }

    /// <summary>The queue of <paramref name="database"/> (a full file path, or an in-memory database's name).</summary>
    public static WriterQueue For(string database) => ByDatabase.GetOrAdd(database, _ => new WriterQueue());

    /// <summary>Waits for the turn; disposing the result hands it to the next writer.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turn.Release();
        }
    }
}
