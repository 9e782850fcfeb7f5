// What Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql") needs in a
// PostgreSQL store, so that the same database holds a cluster's membership beside its grain state and study tables:
// the membership version table (one row per cluster id, its version the table's etag), the membership table (one row
// per silo incarnation), and OrleansQuery, the named statements the provider reads at start and then runs with its own
// parameters (@DeploymentId, @Address, @Port, @Generation, @Status, @Version, ...) and reads back by column name.
// Written here for this store after reading what the provider asks for; the contract is the query keys, the
// parameter names and the result columns. Every statement can run again (IF NOT EXISTS, OR REPLACE, ON CONFLICT), so
// a database where Orleans' own scripts already ran becomes a store too. Names are unquoted, as the provider's
// statements write them (PostgreSQL folds them to lower case).
namespace SweepCluster.Store.Schema;

/// <summary>The Orleans membership tables and queries of a PostgreSQL store.</summary>
public static class OrleansMembershipSchema
{
    /// <summary>The tables as PostgreSQL names them (lower case).</summary>
    public const string QueryTable = "orleansquery", VersionTable = "orleansmembershipversiontable", MemberTable = "orleansmembershiptable";

    /// <summary>Orleans' tables: a database holding only these is still an empty one for the store.</summary>
    public static readonly IReadOnlySet<string> Tables = new HashSet<string>(StringComparer.Ordinal) { QueryTable, VersionTable, MemberTable };

    /// <summary>The statements of the schema step, in order.</summary>
    public static IEnumerable<string> Statements()
    {
        yield return """
            CREATE TABLE IF NOT EXISTS OrleansQuery (
                QueryKey varchar(64) NOT NULL PRIMARY KEY,
                QueryText varchar(8000) NOT NULL)
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
                DeploymentId varchar(150) NOT NULL PRIMARY KEY,
                Timestamp timestamptz(3) NOT NULL DEFAULT now(),
                Version integer NOT NULL DEFAULT 0)
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
                DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
                Address varchar(45) NOT NULL,
                Port integer NOT NULL,
                Generation integer NOT NULL,
                SiloName varchar(150) NOT NULL,
                HostName varchar(150) NOT NULL,
                Status integer NOT NULL,
                ProxyPort integer NULL,
                SuspectTimes varchar(8000) NULL,
                StartTime timestamptz(3) NOT NULL,
                IAmAliveTime timestamptz(3) NOT NULL,
                PRIMARY KEY (DeploymentId, Address, Port, Generation))
            """;
        yield return InsertMemberFunction;
        yield return UpdateMemberFunction;
        foreach (var (key, text) in Queries)
        {
            yield return $"""
                INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('{key}', '{text.Replace("'", "''", StringComparison.Ordinal)}')
                ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText
                """;
        }
    }

    // A new silo's row and the version bump, or neither: the version row is locked first (a writer that read an older
    // version gets 0 and Orleans reads the table again), the row is inserted unless that incarnation is there, and only
    // then is the version moved on. Returns 1 or 0, which the provider reads as true or false.
    private const string InsertMemberFunction = """
        CREATE OR REPLACE FUNCTION sweepcluster_insert_member(
            p_deployment varchar, p_address varchar, p_port integer, p_generation integer, p_silo_name varchar,
            p_host_name varchar, p_status integer, p_proxy_port integer, p_start_time timestamptz,
            p_alive_time timestamptz, p_version integer)
        RETURNS integer LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM 1 FROM OrleansMembershipVersionTable
                WHERE DeploymentId = p_deployment AND Version = p_version FOR UPDATE;
            IF NOT FOUND THEN RETURN 0; END IF;
            INSERT INTO OrleansMembershipTable
                (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
                VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
                        p_start_time, p_alive_time)
                ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
            IF NOT FOUND THEN RETURN 0; END IF;
            UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now() WHERE DeploymentId = p_deployment;
            RETURN 1;
        END
        $body$
        """;

    // A silo's status, suspicions and heartbeat with the version bump, or neither (same locking as the insert).
    private const string UpdateMemberFunction = """
        CREATE OR REPLACE FUNCTION sweepcluster_update_member(
            p_deployment varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
            p_suspect_times varchar, p_alive_time timestamptz, p_version integer)
        RETURNS integer LANGUAGE plpgsql AS $body$
        BEGIN
            PERFORM 1 FROM OrleansMembershipVersionTable
                WHERE DeploymentId = p_deployment AND Version = p_version FOR UPDATE;
            IF NOT FOUND THEN RETURN 0; END IF;
            UPDATE OrleansMembershipTable SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_alive_time
                WHERE DeploymentId = p_deployment AND Address = p_address AND Port = p_port AND Generation = p_generation;
            IF NOT FOUND THEN RETURN 0; END IF;
            UPDATE OrleansMembershipVersionTable SET Version = Version + 1, Timestamp = now() WHERE DeploymentId = p_deployment;
            RETURN 1;
        END
        $body$
        """;

    // Every row of a cluster with the table's version: the version row always comes back (a LEFT JOIN), with NULL
    // member columns when the cluster has no silo yet.
    private const string MembersColumns = """
        SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
               m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
        FROM OrleansMembershipVersionTable v
        """;

    /// <summary>The provider's query keys and our statements for them.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> Queries =
    [
        ("InsertMembershipVersionKey", """
            WITH inserted AS (
                INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
                ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
            SELECT COUNT(*)::integer FROM inserted
            """),
        ("InsertMembershipKey", """
            SELECT sweepcluster_insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                @ProxyPort, @StartTime, @IAmAliveTime, @Version)
            """),
        ("UpdateMembershipKey", """
            SELECT sweepcluster_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                @IAmAliveTime, @Version)
            """),
        ("UpdateIAmAlivetimeKey", """
            UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
            WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation
            """),
        ("MembershipReadRowKey", MembersColumns + """

            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
                AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
            WHERE v.DeploymentId = @DeploymentId
            """),
        ("MembershipReadAllKey", MembersColumns + """

            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
            WHERE v.DeploymentId = @DeploymentId
            """),
        ("GatewaysQueryKey", """
            SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0
            """),
        ("DeleteMembershipTableEntriesKey", """
            DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
            DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId
            """),
        ("CleanupDefunctSiloEntriesKey", """
            DELETE FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3
            """),
    ];
}
