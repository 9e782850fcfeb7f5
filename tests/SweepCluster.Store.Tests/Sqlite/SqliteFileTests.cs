// What is particular to the SQLite file: where it goes, WAL, the types sqlite3 sees, ISO timestamps, and reading a
// running store with the sqlite3 program itself.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_embedded_default_is_sweeps_slash_sweepcluster_db()
    {
        Assert.Equal(Path.Combine("sweeps", "sweepcluster.db"), StoreLocation.DefaultSqlite.Path);
        Assert.Equal(SqliteStoreLocation.DefaultBusyTimeout, StoreLocation.DefaultSqlite.BusyTimeout);
    }

    [Fact]
    public async Task Opening_creates_the_missing_folders_and_a_WAL_database()
    {
        var location = new SqliteStoreLocation(_folder.File(Path.Combine("a", "b", "sweepcluster.db")));

        await using (var store = await StudyStore.OpenAsync(location))
        {
            Assert.Equal($"SQLite store {location.Path}", store.Name);
        }

        Assert.True(File.Exists(location.Path));
        Assert.Equal("wal", await RawSql.ScalarAsync(location, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Columns_have_SQLite_types_that_readers_see()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync([SampleRows.Trial("s1", 4)], []);

        var types = await RawSql.RowsAsync(location,
            """SELECT typeof("learning_rate.schedule"), typeof("learning_rate.initial"), typeof("batch_size.initial"), typeof(trial), typeof(best_metric) FROM trials""");
        var declared = (await RawSql.RowsAsync(location, "SELECT name, type FROM pragma_table_info('trials')"))
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

        Assert.Equal(["text", "real", "integer", "integer", "real"], Assert.Single(types).Cast<string>());
        Assert.Equal("REAL", declared["learning_rate.final"]);
        Assert.Equal("INTEGER", declared["learning_rate.warmup"]);
        Assert.Equal("TEXT", declared["learning_rate.schedule"]);
    }

    [Fact]
    public async Task Timestamps_are_ISO_8601_UTC_text_that_SQLite_date_functions_read()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));

        Assert.Equal("2026-11-26T17:26:00.123456Z", await RawSql.ScalarAsync(location, "SELECT created FROM sweeps"));
        Assert.Equal("2026-11-26 17:26:00", await RawSql.ScalarAsync(location, "SELECT datetime(created) FROM sweeps"));
    }

    [Fact]
    public async Task The_sqlite3_program_reads_a_running_store()
    {
        var location = SqliteLocations.NewIn(_folder);
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter();
        for (var trial = 0; trial < 12; trial++) writer.Add(SampleRows.Trial("s1", trial));
        await writer.FlushAsync();

        var output = ProcessRunner.Run("sqlite3", ["-readonly", location.Path,
            """SELECT "learning_rate.schedule", COUNT(*), MAX("learning_rate.initial") FROM trials GROUP BY 1 ORDER BY 1"""]);

        Assert.Equal(["constant|4|0.05", "cosine|4|0.1", "inverse_time|4|0.1"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
