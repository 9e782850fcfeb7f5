// The one connection that writes a SQLite store in this process, with group commit. SQLite lets one connection write
// a file at a time, and on this kind of machine a commit costs several times the statements it commits (60–100 µs
// against 10–30 µs for a small upsert: bench/README.md). So the writes of this process queue here, and every write
// that arrived while the previous transaction ran goes into the next one: one BEGIN IMMEDIATE … COMMIT for all of
// them, each inside its own savepoint, so that a write that fails is rolled back alone and fails alone, while the
// others commit. A failed BEGIN or COMMIT fails every write of that transaction (none of them is stored) and closes
// the connection: the next transaction opens a clean one, configured once (synchronous=NORMAL). Writes commit in the
// order they arrived. The writers of other stores on the same file in this process take turns with this one through
// WriterQueue; writers in other processes meet the file's lock and wait through the busy timeout.
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SweepCluster.Store.Dialects;

/// <summary>Runs this process's write transactions on one SQLite database, grouping the writes that queue up.</summary>
internal sealed class SqliteWriter(WriterQueue queue, Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    private const string SavepointName = "sweepcluster_write";

    private readonly object _gate = new();
    private readonly ManualResetEventSlim _work = new(false);
    private List<QueuedWrite> _queued = [];
    private Thread? _thread;
    private bool _stopping;
    private SqliteConnection? _connection;

    /// <summary>
    /// Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction, maybe with other writes, committed after it returns;
    /// when it throws, what it did is rolled back and the exception is the caller's.
    /// </summary>
    public Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queued.Add(write);
            // The writes run on a thread of their own, as a database's log writer does: a caller that queues several writes
            // in a row gets them committed together, and a busy thread pool never delays a commit.
            _thread ??= StartThread();
            _work.Set();
        }
        return write.Result;
    }

    /// <summary>Closes the kept connection once the queued writes have run.</summary>
    public async ValueTask DisposeAsync()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            _work.Set();
        }
        if (thread is not null) await Task.Run(thread.Join);
        using var turn = await queue.EnterAsync(CancellationToken.None);
        if (_connection is { } connection) await connection.DisposeAsync();
        _connection = null;
    }

    private Thread StartThread()
    {
        var thread = new Thread(Drain) { IsBackground = true, Name = "SweepCluster store writer" };
        thread.Start();
        return thread;
    }

    private void Drain()
    {
        while (true)
        {
            _work.Wait();
            List<QueuedWrite> batch;
            lock (_gate)
            {
                (batch, _queued) = (_queued, []);
                if (batch.Count == 0)
                {
                    if (_stopping) return;
                    _work.Reset(); // under the lock: a write queued after this sets it again
                    continue;
                }
            }
            CommitAsync(batch).GetAwaiter().GetResult();
        }
    }

    // One transaction for the batch; each write's outcome is set only once the commit has succeeded (or failed).
    private async Task CommitAsync(List<QueuedWrite> batch)
    {
        var live = batch.Where(write => !write.CancelIfRequested()).ToList();
        if (live.Count == 0) return;
        using var turn = await queue.EnterAsync(CancellationToken.None);
        SqliteConnection? connection = null;
        var done = new List<QueuedWrite>(live.Count);
        try
        {
            connection = _connection ??= await OpenConfiguredAsync();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var alone = live.Count == 1;
            foreach (var write in live)
            {
                if (alone)
                {
                    await write.RunAsync(connection, transaction);
                    done.Add(write);
                    continue;
                }
                transaction.Save(SavepointName);
                try
                {
                    await write.RunAsync(connection, transaction);
                    transaction.Release(SavepointName);
                    done.Add(write);
                }
                catch (Exception error) when (error is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_IOERR or SQLitePCL.raw.SQLITE_FULL })
                {
                    transaction.Rollback(SavepointName);
                    transaction.Release(SavepointName);
                    write.Fail(error);
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception error)
        {
            // Nothing of this transaction is stored: every write in it fails (a lone write with its own exception).
            _connection = null;
            if (connection is not null) await connection.DisposeAsync();
            foreach (var write in live) write.Fail(error);
            return;
        }
        foreach (var write in done) write.Succeed();
    }

    private async Task<SqliteConnection> OpenConfiguredAsync()
    {
        var connection = await open(CancellationToken.None);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL";
            await command.ExecuteNonQueryAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A write waiting for its transaction.</summary>
    private abstract class QueuedWrite
    {
        /// <summary>Its caller gave up before it ran: it is dropped, cancelled.</summary>
        public abstract bool CancelIfRequested();

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>Committed: its caller gets its result.</summary>
        public abstract void Succeed();

        /// <summary>Not stored: its caller gets <paramref name="error"/> (the first one set stays).</summary>
        public abstract void Fail(Exception error);
    }

    private sealed class QueuedWrite<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) : QueuedWrite
    {
        private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Result => _outcome.Task;

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _outcome.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) => _result = await work(connection, transaction);

        public override void Succeed() => _outcome.TrySetResult(_result!);

        public override void Fail(Exception error) => _outcome.TrySetException(error);
    }
}
