// A SQLite store that cannot be used fails with a typed StoreException whose one-line message names the file and what
// to do, and the file is left as it was: corrupt files, someone else's database, a lock held by another process,
// a path that cannot be a database file.
using Microsoft.Data.Sqlite;
using SweepCluster.Store;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteFailureTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_corrupt_and_stays_untouched()
    {
        var location = SqliteLocations.NewIn(_folder);
        var bytes = new byte[8192];
        new Random(3).NextBytes(bytes);
        await File.WriteAllBytesAsync(location.Path, bytes);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.Corrupt, location.Path);
        Assert.Contains("file is not a database", error.Message);
        Assert.Contains("restore it from a backup", error.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(location.Path));
    }

    [Fact]
    public async Task A_store_with_damaged_pages_is_corrupt()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using (var store = await StudyStore.OpenAsync(location))
        {
            await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
            await store.WriteAsync(Enumerable.Range(0, 400).Select(i => SampleRows.Trial("s1", i)).ToList(), []);
        }
        var pageSize = Convert.ToInt32(await RawSql.ScalarAsync(location, "PRAGMA page_size"));
        await using (var file = new FileStream(location.Path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = pageSize;
            file.Write(Enumerable.Repeat((byte)0xA5, (int)file.Length - pageSize).ToArray());
        }

        var error = await Assert.ThrowsAsync<StoreException>(async () =>
        {
            await using var store = await StudyStore.OpenAsync(location);
            await store.ReadTrialsAsync("s1");
        });

        AssertOneLine(error, StoreErrorKind.Corrupt, location.Path);
    }

    [Fact]
    public async Task Another_programs_SQLite_database_is_not_a_store_and_stays_byte_for_byte_the_same()
    {
        var location = SqliteLocations.NewIn(_folder);
        await RawSql.ExecuteAsync(location, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)", "INSERT INTO photos VALUES (1, 'a.jpg')");
        var before = await File.ReadAllBytesAsync(location.Path);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.NotAStore, location.Path);
        Assert.Contains("photos", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(location.Path));
        Assert.Equal("delete", await RawSql.ScalarAsync(location, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_file_locked_by_another_process_fails_as_locked_after_the_busy_timeout()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var other = await RawSql.OpenAsync(location);
        await Execute(other, "BEGIN EXCLUSIVE", "CREATE TABLE held (x INTEGER)");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.Locked, location.Path);
        Assert.Contains("locked by another process", error.Message);
        Assert.Contains("after 1 s", error.Message);
    }

    [Fact]
    public async Task While_another_connection_holds_the_write_lock_writes_fail_as_locked_reads_go_on_and_nothing_changes()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync([SampleRows.Trial("s1", 0)], []);
        await using var other = await RawSql.OpenAsync(location);
        await Execute(other, "BEGIN IMMEDIATE", "UPDATE sweeps SET name = 'held'");

        var error = await Assert.ThrowsAsync<StoreException>(() => store.WriteAsync([SampleRows.Trial("s1", 0) with { EpochsRun = 99 }], []));
        var trials = await store.ReadTrialsAsync("s1");
        await Execute(other, "ROLLBACK");

        Assert.Equal(StoreErrorKind.Locked, error.Kind);
        Assert.Equal(SampleRows.Trial("s1", 0).EpochsRun, Assert.Single(trials).EpochsRun);
        Assert.Equal(SampleRows.Trial("s1", 0).EpochsRun, Assert.Single(await store.ReadTrialsAsync("s1")).EpochsRun);
    }

    [Fact]
    public async Task A_writer_keeps_its_rows_while_the_file_is_locked_and_writes_them_once_it_is_free()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(new() { BatchRows = 1000, FlushInterval = TimeSpan.FromHours(1) });
        await using var other = await RawSql.OpenAsync(location);
        await Execute(other, "BEGIN IMMEDIATE", "UPDATE sweeps SET name = 'held'");
        for (var trial = 0; trial < 5; trial++) writer.Add(SampleRows.Trial("s1", trial));

        var error = await Assert.ThrowsAsync<StoreException>(() => writer.FlushAsync());
        var pendingWhileLocked = writer.Statistics.Pending;
        await Execute(other, "ROLLBACK");
        await writer.FlushAsync();

        Assert.Equal(StoreErrorKind.Locked, error.Kind);
        Assert.Equal(5, pendingWhileLocked);
        Assert.Equal(5, (await store.ReadTrialsAsync("s1")).Count);
        Assert.Equal(0L, writer.Statistics.RowsLost);
    }

    [Fact]
    public async Task A_directory_in_place_of_the_file_cannot_be_opened()
    {
        var location = new SqliteStoreLocation(_folder.File("a-directory.db")) { BusyTimeout = SqliteLocations.BusyTimeout };
        Directory.CreateDirectory(location.Path);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.CannotOpen, location.Path);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_cannot_be_opened()
    {
        await File.WriteAllTextAsync(_folder.File("plain-file"), "not a folder");
        var location = new SqliteStoreLocation(_folder.File(Path.Combine("plain-file", "store.db")));

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.CannotOpen, location.Path);
    }

    private static void AssertOneLine(StoreException error, StoreErrorKind kind, string path)
    {
        Assert.Equal(kind, error.Kind);
        Assert.Equal($"SQLite store {path}", error.Store);
        Assert.StartsWith($"SQLite store {path} ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
