// The one connection that writes a SQLite store in this process. SQLite lets one connection write a file at a time; a
// second writer that meets the lock sleeps in the driver's busy retry, far longer than the write it waits for, and
// every write on a fresh pooled connection pays its set-up again. So the writers of this process over the same
// database queue for their turn (WriterQueue) and write through one connection that stays open between turns,
// configured once (synchronous=NORMAL). Writers in other processes still meet the lock and wait through the busy
// timeout. A transaction that fails closes the connection: the next turn opens a clean one.
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SweepCluster.Store.Dialects;

/// <summary>Runs this process's write transactions on one SQLite database, one at a time.</summary>
internal sealed class SqliteWriter(WriterQueue queue, Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable
{
    private SqliteConnection? _connection;

    /// <summary>Runs <paramref name="work"/> in a BEGIN IMMEDIATE transaction, committed when it returns, rolled back when it throws.</summary>
    public async Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var turn = await queue.EnterAsync(cancellationToken);
        var connection = _connection ??= await OpenConfiguredAsync(cancellationToken);
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            _connection = null;
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the kept connection (after the turn of any write still running).</summary>
    public async ValueTask DisposeAsync()
    {
        using var turn = await queue.EnterAsync(CancellationToken.None);
        if (_connection is { } connection) await connection.DisposeAsync();
        _connection = null;
    }

    private async Task<SqliteConnection> OpenConfiguredAsync(CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
