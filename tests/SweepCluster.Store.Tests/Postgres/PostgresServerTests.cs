// What is particular to PostgreSQL: the column types psql shows, timestamptz, reading a running store with psql, a
// delete that meets a batch in flight, a batch the server refuses, and the server's refusals (nothing listening, a wrong password, a missing database, no right to create tables), each
// a typed StoreException whose one-line message names user@host:port/database and never the password.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Columns_have_PostgreSQL_types_that_readers_see()
    {
        var location = await server.NewDatabaseAsync();
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync([SampleRows.Trial("s1", 4)], []);

        var types = (await RawSql.RowsAsync(location,
                "SELECT table_name || ':' || column_name, data_type FROM information_schema.columns WHERE table_name IN ('trials', 'sweeps', 'grain_state')"))
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

        Assert.Equal("double precision", types["trials:learning_rate.final"]);
        Assert.Equal("bigint", types["trials:learning_rate.warmup"]);
        Assert.Equal("text", types["trials:learning_rate.schedule"]);
        Assert.Equal("timestamp with time zone", types["sweeps:created"]);
        Assert.Equal("bytea", types["grain_state:payload"]);
    }

    [Fact]
    public async Task The_psql_program_reads_a_running_store()
    {
        var location = await server.NewDatabaseAsync();
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter();
        for (var trial = 0; trial < 12; trial++) writer.Add(SampleRows.Trial("s1", trial));
        await writer.FlushAsync();

        var output = ProcessRunner.Run("psql",
            ["-h", location.Host, "-p", location.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", location.User,
             "-d", location.Database, "-At", "-c",
             """SELECT "learning_rate.schedule", COUNT(*), MAX("learning_rate.initial") FROM trials GROUP BY 1 ORDER BY 1"""],
            new Dictionary<string, string> { ["PGPASSWORD"] = PostgresServer.Password });

        Assert.Equal(["constant|4|0.05", "cosine|4|0.1", "inverse_time|4|0.1"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Deleting_a_sweep_while_a_batch_of_it_is_being_written_waits_and_removes_the_batch_too()
    {
        var location = await server.NewDatabaseAsync();
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync([SampleRows.Trial("s1", 0)], []);
        await using var batch = await RawSql.OpenAsync(location);
        await using var transaction = await batch.BeginTransactionAsync();
        await Execute(batch, transaction, "SELECT 1 FROM sweeps WHERE id = 's1' FOR KEY SHARE",
            "INSERT INTO trials (sweep, trial, combination, seed, status, epochs_run, attempts) VALUES ('s1', 1, 0, 1, 'running', 0, 1)");

        var delete = store.DeleteSweepAsync("s1");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var waitedForTheBatch = !delete.IsCompleted;
        await transaction.CommitAsync();

        Assert.True(await delete);
        Assert.True(waitedForTheBatch);
        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
    }

    [Fact]
    public async Task A_batch_the_server_refuses_is_dropped_and_reported_and_later_rows_are_still_written()
    {
        var location = await server.NewDatabaseAsync();
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync([SampleRows.Trial("s1", 0)], []);
        await using var writer = store.CreateWriter(new() { BatchRows = 1000, FlushInterval = TimeSpan.FromHours(1) });

        writer.Add(new Study.TrialRow("s1", 1, 0, 1, Core.TrialStatus.Running)
        {
            Hyperparameters = [Store.Hyperparameters.HyperparameterValue.Text("learning_rate.initial", "not a number")],
        });
        var error = await Assert.ThrowsAsync<StoreException>(() => writer.FlushAsync());
        writer.Add(SampleRows.Trial("s1", 2));
        await writer.FlushAsync();

        Assert.Equal(StoreErrorKind.Failed, error.Kind);
        Assert.Contains("double precision", error.Message);
        Assert.Equal(1L, writer.Statistics.RowsLost);
        Assert.Equal([0, 2], (await store.ReadTrialsAsync("s1")).Select(trial => trial.Trial));
    }

    [Fact]
    public async Task A_column_name_longer_than_PostgreSQL_keeps_is_refused_instead_of_cut()
    {
        var location = await server.NewDatabaseAsync();
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var longName = "learning_rate.base." + new string('x', 50);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(
            [new Study.TrialRow("s1", 0, 0, 1, Core.TrialStatus.Pending) { Hyperparameters = [Store.Hyperparameters.HyperparameterValue.Real(longName, 1)] }], []));

        Assert.Contains("63 bytes", error.Message);
        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
    }

    [Fact]
    public async Task A_port_with_no_server_is_unreachable()
    {
        var location = server.Location("sweeps") with { Port = PostgresServer.FreePort() };

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.Unreachable, location);
        Assert.Contains("connection refused", error.Message);
        Assert.Contains("check that the PostgreSQL server is running", error.Message);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_as_bad_credentials_without_printing_any_password()
    {
        var location = await server.NewDatabaseAsync() with { Password = "wrong-password-91c2" };

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.BadCredentials, location);
        Assert.Contains($"user '{PostgresServer.User}'", error.Message);
        Assert.DoesNotContain("wrong-password-91c2", error.ToString());
    }

    [Fact]
    public async Task A_missing_database_says_to_create_it()
    {
        var location = server.Location("no_such_database");

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.MissingDatabase, location);
        Assert.Contains("createdb no_such_database", error.Message);
    }

    [Fact]
    public async Task A_user_without_the_right_to_create_tables_is_refused_and_the_database_stays_empty()
    {
        var owned = await server.NewDatabaseAsync();
        await server.ExecuteAsync(owned.Database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        await server.ExecuteAsync(owned.Database, $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader LOGIN PASSWORD 'reader-pw'; END IF; END $$");
        var location = owned with { User = "reader", Password = "reader-pw" };

        var error = await Assert.ThrowsAsync<StoreException>(() => StudyStore.OpenAsync(location));

        AssertOneLine(error, StoreErrorKind.PermissionDenied, location);
        Assert.Contains("permission denied", error.Message);
        Assert.Equal(0L, await RawSql.CountAsync(owned, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public void A_location_prints_user_host_port_and_database_but_never_its_password()
    {
        var location = server.Location("sweeps");

        Assert.Equal($"PostgreSQL store sc@127.0.0.1:{server.Port}/sweeps", location.ToString());
        Assert.DoesNotContain(PostgresServer.Password, location.ToString());
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, params string[] statements)
    {
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void AssertOneLine(StoreException error, StoreErrorKind kind, PostgresStoreLocation location)
    {
        Assert.Equal(kind, error.Kind);
        Assert.Equal(location.ToString(), error.Store);
        Assert.StartsWith(location.ToString(), error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(PostgresServer.Password, error.ToString());
    }
}
