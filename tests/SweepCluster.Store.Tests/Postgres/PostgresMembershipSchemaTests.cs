// The schema step that gives Orleans' ADO.NET clustering its tables and queries in a PostgreSQL store: created with a
// new store and by upgrading an older one, safe to run again, and not mistaken for someone else's tables; and the
// membership reader's answers (no table yet, rows, refused credentials).
using SweepCluster.Store;
using SweepCluster.Store.Membership;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipSchemaTests(PostgresServer server)
{
    /// <summary>The query keys Microsoft.Orleans.Clustering.AdoNet 10.4.2 refuses to start without.</summary>
    private static readonly string[] ProviderKeys =
    [
        "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "InsertMembershipKey",
        "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    [Fact]
    public async Task A_new_store_has_the_membership_tables_and_every_query_the_provider_reads()
    {
        var location = await server.NewDatabaseAsync();
        await using (await StudyStore.OpenAsync(location))
        {
        }

        Assert.Equal(ProviderKeys, await QueryKeysAsync(location));
        var tables = await TablesAsync(location);
        Assert.Superset(OrleansMembershipSchema.Tables.ToHashSet(), tables.ToHashSet());
    }

    [Fact]
    public async Task An_older_store_is_upgraded_with_its_rows_kept()
    {
        var location = await server.NewDatabaseAsync();
        await using (var old = await StudyStore.OpenAsync(location, new SchemaMigrator([SchemaMigrations.All[0]]), CancellationToken.None))
        {
            await old.UpsertSweepAsync(SampleRows.Sweep("s1"));
        }
        Assert.DoesNotContain(OrleansMembershipSchema.QueryTable, await TablesAsync(location));

        await using var upgraded = await StudyStore.OpenAsync(location);

        Assert.Equal(SchemaMigrations.All.Count, upgraded.SchemaVersion);
        Assert.Equal(ProviderKeys, await QueryKeysAsync(location));
        Assert.Equal(["s1"], (await upgraded.ListSweepsAsync()).Select(sweep => sweep.Id));
    }

    [Fact]
    public async Task The_step_runs_again_without_error_and_changes_nothing()
    {
        var location = await server.NewDatabaseAsync();
        await using (await StudyStore.OpenAsync(location))
        {
        }
        await RawSql.ExecuteAsync(location, "INSERT INTO OrleansMembershipVersionTable (DeploymentId, Version) VALUES ('blue', 4)");

        await RawSql.ExecuteAsync(location, [.. OrleansMembershipSchema.Statements()]);

        Assert.Equal(ProviderKeys, await QueryKeysAsync(location));
        Assert.Equal(4L, await RawSql.CountAsync(location, "SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = 'blue'"));
    }

    [Fact]
    public async Task A_database_that_holds_only_Orleans_membership_tables_becomes_a_store()
    {
        var location = await server.NewDatabaseAsync();
        await RawSql.ExecuteAsync(location, [.. OrleansMembershipSchema.Statements()]);

        await using var store = await StudyStore.OpenAsync(location);

        Assert.Equal(SchemaMigrations.All.Count, store.SchemaVersion);
        Assert.Contains(SchemaVersionTable.Name, await TablesAsync(location));
    }

    [Fact]
    public async Task The_reader_sees_no_rows_before_any_silo_and_every_cluster_s_rows_after()
    {
        var location = await server.NewDatabaseAsync();
        Assert.Empty(await OrleansMembership.ReadAsync(location, CancellationToken.None)); // not even a store yet
        await using (await StudyStore.OpenAsync(location))
        {
        }
        Assert.Empty(await OrleansMembership.ReadAsync(location, CancellationToken.None));
        var alive = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        await RawSql.ExecuteAsync(location,
            "INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES ('blue')",
            "INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime) " +
            $"VALUES ('blue', '198.18.0.11', 11111, 7, 's1', 'h1', {OrleansMembership.ActiveStatus}, 30000, TIMESTAMPTZ '2026-12-06 11:00:00+00', TIMESTAMPTZ '2026-12-06 12:00:00+00')");

        var row = Assert.Single(await OrleansMembership.ReadAsync(location, CancellationToken.None));

        Assert.Equal(new OrleansMemberRow("blue", "198.18.0.11:11111@7", OrleansMembership.ActiveStatus, 30000, alive), row);
    }

    [Fact]
    public async Task The_reader_names_the_store_and_never_the_password_when_the_credentials_are_refused()
    {
        var location = (await server.NewDatabaseAsync()) with { Password = "not-the-password-91c2" };

        var error = await Assert.ThrowsAsync<StoreException>(() => OrleansMembership.ReadAsync(location, CancellationToken.None));

        Assert.Equal(StoreErrorKind.BadCredentials, error.Kind);
        Assert.Contains(location.Name, error.Message);
        Assert.DoesNotContain("not-the-password-91c2", error.Message);
    }

    private static async Task<IReadOnlyList<string>> QueryKeysAsync(StoreLocation location) =>
        (await RawSql.RowsAsync(location, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"")).Select(row => (string)row[0]!).ToList();

    private static async Task<IReadOnlyList<string>> TablesAsync(StoreLocation location) =>
        (await RawSql.RowsAsync(location, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).Select(row => (string)row[0]!).ToList();
}
