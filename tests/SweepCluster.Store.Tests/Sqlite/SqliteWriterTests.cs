// The writers of one process over one SQLite file: they take turns on one kept connection. Many concurrent writes from
// two stores opened on the same file all land; a transaction that fails (a stale etag) leaves the next write working;
// what a store wrote is visible to another connection at once, and closing the store leaves no -wal or -shm file.
using SweepCluster.Store;
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
