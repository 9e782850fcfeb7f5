// The schema's versioning, run against both engines: an older store is upgraded with its rows kept, a newer one is
// refused, a database that holds other tables is refused and left exactly as it was. A reader
// (StudyStore.OpenForReadingAsync) reads a store and never upgrades or touches one.
using SweepCluster.Store;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Contract;

public abstract class MigrationContract : StoreContract
{
    /// <summary>The program's schema version.</summary>
    private static readonly int Current = SchemaMigrations.All.Count;

    /// <summary>A made-up next version: one more table.</summary>
    private static readonly SchemaMigration NextVersion =
        new(Current + 1, "a test table", dialect => [$"CREATE TABLE {dialect.Quote("added_in_v2")} ({dialect.Quote("x")} {dialect.TypeName(ColumnType.Integer)})"]);

    /// <summary>The table names in the database, sorted.</summary>
    protected abstract Task<IReadOnlyList<string>> TableNamesAsync(StoreLocation location);

    [Fact]
    public async Task An_older_store_is_upgraded_and_keeps_its_rows()
    {
        var location = await NewLocationAsync();
        await using (var old = await StudyStore.OpenAsync(location))
        {
            await old.UpsertSweepAsync(SampleRows.Sweep("s1"));
            await old.WriteAsync([SampleRows.Trial("s1", 0)], [SampleRows.Epoch("s1", 0, 1)]);
        }

        await using var upgraded = await StudyStore.OpenAsync(location, new SchemaMigrator([.. SchemaMigrations.All, NextVersion]), CancellationToken.None);

        Assert.Equal(Current + 1, upgraded.SchemaVersion);
        Assert.Contains("added_in_v2", await TableNamesAsync(location));
        Assert.Equal(Enumerable.Range(1, Current + 1).Select(v => (long)v), (await RawSql.RowsAsync(location, "SELECT version FROM sweepcluster_schema ORDER BY version")).Select(r => Convert.ToInt64(r[0])));
        Assert.Equal(SampleRows.Trial("s1", 0).WithoutHyperparameters(), Assert.Single(await upgraded.ReadTrialsAsync("s1")).WithoutHyperparameters());
        Assert.Single(await upgraded.ReadEpochsAsync("s1"));
    }

    /// <summary>A store created at schema <paramref name="version"/> with sweep s1 and its trial 0 (completed, 3 epochs)
    /// inserted as that version's columns allow, then opened by this program (so upgraded to the current version).</summary>
    private async Task<StudyStore> UpgradedFromAsync(int version)
    {
        var location = await NewLocationAsync();
        await using (var old = await StudyStore.OpenAsync(location, new SchemaMigrator(SchemaMigrations.All.Take(version).ToArray()), CancellationToken.None))
        {
            await old.UpsertSweepAsync(SampleRows.Sweep("s1"));
        }
        await RawSql.ExecuteAsync(location, "INSERT INTO trials (sweep, trial, combination, seed, status, epochs_run, attempts) " +
                                            "VALUES ('s1', 0, 0, 1, 'completed', 3, 1)");
        var upgraded = await StudyStore.OpenAsync(location);
        Assert.Equal(Current, upgraded.SchemaVersion);
        return upgraded;
    }

    [Fact]
    public async Task A_version_2_store_gains_the_test_metric_column_and_keeps_its_trials()
    {
        await using var upgraded = await UpgradedFromAsync(2);

        var kept = Assert.Single(await upgraded.ReadTrialsAsync("s1"));
        Assert.Equal((3, (double?)null), (kept.EpochsRun, kept.TestMetric));
        await upgraded.WriteAsync([SampleRows.Trial("s1", 1, Core.TrialStatus.Completed) with { TestMetric = 0.875 }], []);
        Assert.Equal(0.875, (await upgraded.ReadTrialsAsync("s1")).Single(t => t.Trial == 1).TestMetric);
    }

    [Fact]
    public async Task A_version_4_store_gains_the_finished_column_and_keeps_its_trials()
    {
        await using var upgraded = await UpgradedFromAsync(4);

        var kept = Assert.Single(await upgraded.ReadTrialsAsync("s1"));
        Assert.Equal((3, (DateTimeOffset?)null), (kept.EpochsRun, kept.Finished));
        var finished = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560);
        await upgraded.WriteAsync([SampleRows.Trial("s1", 1, Core.TrialStatus.Completed) with { Finished = finished }], []);
        Assert.Equal(finished, (await upgraded.ReadTrialsAsync("s1")).Single(t => t.Trial == 1).Finished);
    }

    [Fact]
    public async Task A_store_written_by_a_newer_version_is_refused_and_its_rows_are_untouched()
    {
        var location = await NewLocationAsync();
        await using (var store = await StudyStore.OpenAsync(location))
        {
            await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
            await store.WriteAsync([SampleRows.Trial("s1", 0)], []);
        }
        await RawSql.ExecuteAsync(location, "INSERT INTO sweepcluster_schema (version, applied, description) " +
                                            $"VALUES (7, {FutureTimestamp(location)}, 'from the future')");
        var before = await RawSql.RowsAsync(location, "SELECT * FROM trials");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        Assert.Equal(StoreErrorKind.NewerSchema, error.Kind);
        Assert.Contains("schema version 7", error.Message);
        Assert.Contains($"up to {Current}", error.Message);
        Assert.Contains(location.ToString(), error.Message);
        Assert.Equal(before, await RawSql.RowsAsync(location, "SELECT * FROM trials"));
    }

    [Fact]
    public async Task A_database_with_other_tables_is_not_a_store_and_is_left_as_it_was()
    {
        var location = await NewLocationAsync();
        await RawSql.ExecuteAsync(location, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO customers VALUES (1, 'Ada')");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        Assert.Equal(StoreErrorKind.NotAStore, error.Kind);
        Assert.Contains("not a SweepCluster store", error.Message);
        Assert.Contains("customers", error.Message);
        Assert.Equal(["customers"], await TableNamesAsync(location));
        Assert.Equal(1L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM customers"));
    }

    [Fact]
    public async Task An_empty_version_table_is_not_a_store()
    {
        var location = await NewLocationAsync();
        await RawSql.ExecuteAsync(location, "CREATE TABLE sweepcluster_schema (version INTEGER)");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        Assert.Equal(StoreErrorKind.NotAStore, error.Kind);
    }

    [Fact]
    public async Task Two_programs_creating_the_same_store_at_once_both_succeed()
    {
        var location = await NewLocationAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync(location))));

        Assert.All(stores, store => Assert.Equal(Current, store.SchemaVersion));
        Assert.Equal((long)Current, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM sweepcluster_schema"));
    }

    [Fact]
    public async Task A_store_opened_for_reading_reads_its_rows()
    {
        var location = await NewLocationAsync();
        int written;
        await using (var store = await StudyStore.OpenAsync(location))
        {
            written = store.SchemaVersion;
            await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
            await store.WriteAsync([SampleRows.Trial("s1", 0), SampleRows.Trial("s1", 1)], [SampleRows.Epoch("s1", 0, 1)]);
        }

        await using var reader = await StudyStore.OpenForReadingAsync(location);

        Assert.Equal(written, reader.SchemaVersion);
        Assert.Equal([0, 1], (await reader.ReadTrialsAsync("s1")).Select(t => t.Trial));
        Assert.Single(await reader.ReadEpochsAsync("s1"));
        Assert.NotEmpty(await reader.GetHyperparameterColumnsAsync("s1"));
    }

    [Fact]
    public async Task A_store_opened_for_reading_refuses_writes()
    {
        var location = await NewLocationAsync();
        await (await StudyStore.OpenAsync(location)).DisposeAsync();
        await using var reader = await StudyStore.OpenForReadingAsync(location);

        await Assert.ThrowsAsync<StoreException>(() => reader.UpsertSweepAsync(SampleRows.Sweep("s1")));

        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM sweeps"));
    }

    [Fact]
    public async Task An_older_store_is_refused_for_reading_and_not_upgraded()
    {
        var location = await NewLocationAsync();
        await (await StudyStore.OpenAsync(location)).DisposeAsync();
        await RawSql.ExecuteAsync(location, "DELETE FROM sweepcluster_schema WHERE version > 1", "UPDATE sweepcluster_schema SET version = 0");
        var tables = await TableNamesAsync(location);

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(location));

        Assert.Equal(StoreErrorKind.OlderSchema, error.Kind);
        Assert.Contains("older SweepCluster", error.Message);
        Assert.Contains(location.ToString(), error.Message);
        Assert.Equal(tables, await TableNamesAsync(location));
        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM sweepcluster_schema WHERE version > 0"));
    }

    [Fact]
    public async Task A_database_with_other_tables_is_refused_for_reading_and_left_as_it_was()
    {
        var location = await NewLocationAsync();
        await RawSql.ExecuteAsync(location, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO customers VALUES (1, 'Ada')");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenForReadingAsync(location));

        Assert.Equal(StoreErrorKind.NotAStore, error.Kind);
        Assert.Contains("customers", error.Message);
        Assert.Equal(["customers"], await TableNamesAsync(location));
    }

    private static string FutureTimestamp(StoreLocation location) =>
        location is SqliteStoreLocation ? "'2099-01-01T00:00:00.000000Z'" : "TIMESTAMPTZ '2099-01-01 00:00:00+00'";
}
