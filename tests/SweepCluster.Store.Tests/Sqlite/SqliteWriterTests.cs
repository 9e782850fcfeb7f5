// The writers of one process over one SQLite file: they take turns on one kept connection. Many concurrent writes from
// two stores opened on the same file all land; a transaction that fails (a stale etag) leaves the next write working;
// what a store wrote is visible to another connection at once, and closing the store leaves no -wal or -shm file.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SweepCluster.Store;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.GrainState;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteWriterTests : IDisposable
{
    private const int WritesPerStore = 150;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Concurrent_writes_of_two_stores_on_one_file_in_one_process_all_land()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var first = await StudyStore.OpenAsync(location);
        await using var second = await StudyStore.OpenAsync(location);

        var writes = Enumerable.Range(0, WritesPerStore).SelectMany(i => new[]
        {
            first.GrainState.WriteAsync(Key($"a{i}"), [(byte)i], null),
            second.GrainState.WriteAsync(Key($"b{i}"), [(byte)i], null),
        }).ToArray();
        await Task.WhenAll(writes);

        Assert.Equal((long)2 * WritesPerStore, await RawSql.ScalarAsync(location, "SELECT count(*) FROM grain_state"));
        var stored = await second.GrainState.ReadAsync(Key("a7"));
        Assert.Equal(new byte[] { 7 }, stored!.Payload);
    }

    [Fact]
    public async Task A_failed_write_leaves_the_next_one_working()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        var etag = await store.GrainState.WriteAsync(Key("t"), [1], null);

        await Assert.ThrowsAsync<GrainStateConflictException>(() => store.GrainState.WriteAsync(Key("t"), [2], "stale"));
        var next = await store.GrainState.WriteAsync(Key("t"), [3], etag);

        var stored = await store.GrainState.ReadAsync(Key("t"));
        Assert.Equal(new byte[] { 3 }, stored!.Payload);
        Assert.Equal(next, stored.ETag);
    }

    [Fact]
    public async Task A_write_is_visible_to_another_connection_at_once_and_closing_leaves_no_wal_files()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using (var store = await StudyStore.OpenAsync(location))
        {
            await store.GrainState.WriteAsync(Key("t"), [42], null);
            Assert.Equal(1L, await RawSql.ScalarAsync(location, "SELECT count(*) FROM grain_state"));
        }

        Assert.False(File.Exists(location.Path + "-wal"));
        Assert.False(File.Exists(location.Path + "-shm"));
    }

    private static GrainStateKey Key(string id) => new("trial", id, "trial");
}

// Group commit: writes that queue while a transaction runs go into the next one together, each in its own savepoint.
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_queued_behind_a_running_transaction_commit_together_and_a_failing_one_fails_alone()
    {
        var (path, writer) = await NewWriterAsync();
        await using var _ = writer;
        var (first, gate) = await HoldWriterAsync(writer);
        var transactions = new List<DbTransaction>();
        var queued = new[] { 2, 3, 4 }.Select(value => writer.RunAsync(async (connection, transaction) =>
        {
            lock (transactions) transactions.Add(transaction);
            await InsertAsync(connection, transaction, value);
            if (value == 3) throw new InvalidOperationException("row 3 is refused");
            return value;
        }, CancellationToken.None)).ToArray();
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(2, await queued[0]);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => queued[1]);
        Assert.Equal("row 3 is refused", refused.Message);
        Assert.Equal(4, await queued[2]);
        Assert.Single(transactions.Distinct()); // one transaction for the three
        Assert.Equal(new long[] { 1L, 2L, 4L }, await ValuesAsync(path)); // row 3 rolled back with its savepoint
    }

    [Fact]
    public async Task A_write_cancelled_before_its_turn_is_not_run()
    {
        var (path, writer) = await NewWriterAsync();
        await using var _ = writer;
        var (first, gate) = await HoldWriterAsync(writer);
        using var cancellation = new CancellationTokenSource();
        var cancelled = writer.RunAsync((connection, transaction) => InsertAsync(connection, transaction, 2), cancellation.Token);
        cancellation.Cancel();
        gate.SetResult();

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(new long[] { 1L }, await ValuesAsync(path));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_write_of_the_transaction_and_the_next_one_works()
    {
        var (path, writer) = await NewWriterAsync();
        await using var _ = writer;
        // A deferred foreign-key violation is detected at COMMIT: the whole transaction fails, both writes with it.
        var (first, gate) = await HoldWriterAsync(writer);
        var good = writer.RunAsync((connection, transaction) => InsertAsync(connection, transaction, 2), CancellationToken.None);
        var orphan = writer.RunAsync(async (connection, transaction) =>
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO child (parent) VALUES (99)");
            return 0;
        }, CancellationToken.None);
        gate.SetResult();

        await first;
        await Assert.ThrowsAsync<SqliteException>(() => good);
        await Assert.ThrowsAsync<SqliteException>(() => orphan);
        Assert.Equal(new long[] { 1L }, await ValuesAsync(path));
        Assert.Equal(5, await writer.RunAsync((connection, transaction) => InsertAsync(connection, transaction, 5), CancellationToken.None));
        Assert.Equal(new long[] { 1L, 5L }, await ValuesAsync(path));
    }

    // A first write (of row 1) that holds the writer until the gate opens, running once this returns.
    private static async Task<(Task<int> First, TaskCompletionSource Gate)> HoldWriterAsync(SqliteWriter writer)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = writer.RunAsync(async (connection, transaction) =>
        {
            started.SetResult();
            await gate.Task;
            return await InsertAsync(connection, transaction, 1);
        }, CancellationToken.None);
        await started.Task;
        return (first, gate);
    }

    private async Task<(string Path, SqliteWriter Writer)> NewWriterAsync()
    {
        var path = Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.db");
        await using (var setup = await OpenAsync(path, CancellationToken.None))
        {
            await ExecuteAsync(setup, null,
                "PRAGMA journal_mode = WAL; CREATE TABLE rows (value INTEGER NOT NULL); CREATE TABLE parent (id INTEGER PRIMARY KEY); " +
                "CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
        }
        return (path, new SqliteWriter(WriterQueue.For(path), cancellationToken => OpenAsync(path, cancellationToken)));
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, int value)
    {
        await ExecuteAsync(connection, transaction, $"INSERT INTO rows (value) VALUES ({value})");
        return value;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long[]> ValuesAsync(string path)
    {
        await using var connection = await OpenAsync(path, CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM rows ORDER BY value";
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetInt64(0));
        return [.. values];
    }
}
