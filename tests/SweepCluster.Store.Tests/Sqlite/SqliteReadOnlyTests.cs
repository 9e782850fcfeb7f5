// Opening a SQLite store only to read it (StudyStore.OpenForReadingAsync, what `sweep trials` uses): a missing file is
// not created (nor its folder), an empty file, someone else's database, a damaged file and an older schema are
// refused with their kind, and none of them, nor a real store, changes by a byte (a read-only connection to a WAL file
// may leave SQLite's -wal and -shm side files, as `sqlite3 -readonly` does). A store a writer holds open is read.
using Microsoft.Data.Sqlite;
using SweepCluster.Store;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteReadOnlyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_missing_file_is_refused_as_not_found_and_neither_it_nor_its_folder_is_made()
    {
        var path = _folder.File(Path.Combine("nowhere", "store.db"));

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(new SqliteStoreLocation(path)));

        Assert.Equal(StoreErrorKind.NotFound, error.Kind);
        Assert.Contains(path, error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_not_a_store_and_stays_empty()
    {
        var path = _folder.File("empty.db");
        await File.WriteAllBytesAsync(path, []);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(new SqliteStoreLocation(path)));

        Assert.Equal(StoreErrorKind.NotAStore, error.Kind);
        Assert.Contains("is empty", error.Message);
        Assert.Empty(await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_damaged_file_is_refused_as_corrupt_and_left_as_it_was()
    {
        var path = _folder.File("damaged.db");
        var bytes = System.Text.Encoding.ASCII.GetBytes("no SQLite header here " + new string('x', 4096));
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(new SqliteStoreLocation(path)));

        Assert.Equal(StoreErrorKind.Corrupt, error.Kind);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Someone_elses_database_is_refused_as_not_a_store_and_left_as_it_was()
    {
        var path = _folder.File("theirs.db");
        Execute(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)");
        var before = await File.ReadAllBytesAsync(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(new SqliteStoreLocation(path)));

        Assert.Equal(StoreErrorKind.NotAStore, error.Kind);
        Assert.Contains("invoices", error.Message);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_store_is_read_without_changing_a_byte_of_it()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using (var writer = await StudyStore.OpenAsync(location))
        {
            await writer.UpsertSweepAsync(SampleRows.Sweep("s1"));
            await writer.WriteAsync([SampleRows.Trial("s1", 0), SampleRows.Trial("s1", 1)], [SampleRows.Epoch("s1", 0, 1)]);
        }
        var before = await File.ReadAllBytesAsync(location.Path);

        await using (var reader = await StudyStore.OpenForReadingAsync(location))
        {
            Assert.Equal(2, (await reader.ReadTrialsAsync("s1")).Count);
            Assert.Single(await reader.ReadEpochsAsync("s1"));
            Assert.Null(await reader.GetSweepAsync("s2"));
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(location.Path));
    }

    [Fact]
    public async Task A_store_that_a_writer_holds_open_is_read_with_what_it_committed()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var writer = await StudyStore.OpenAsync(location);
        await writer.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await writer.WriteAsync([SampleRows.Trial("s1", 0)], []);

        await using var reader = await StudyStore.OpenForReadingAsync(location);
        Assert.Single(await reader.ReadTrialsAsync("s1"));

        await writer.WriteAsync([SampleRows.Trial("s1", 1)], []);
        Assert.Equal(2, (await reader.ReadTrialsAsync("s1")).Count);
    }

    [Fact]
    public async Task An_older_schema_is_refused_for_reading_and_not_migrated()
    {
        var path = _folder.File("older.db");
        Execute(path, "CREATE TABLE sweepcluster_schema (version INTEGER PRIMARY KEY, applied TEXT, description TEXT); " +
                      "INSERT INTO sweepcluster_schema VALUES (0, '2026-01-01T00:00:00.000000Z', 'before the first')");
        var before = await File.ReadAllBytesAsync(path);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(new SqliteStoreLocation(path)));

        Assert.Equal(StoreErrorKind.OlderSchema, error.Kind);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
