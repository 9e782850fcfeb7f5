// Reads the membership table of a PostgreSQL store without Orleans, so that a silo or a client can say, before Orleans
// starts, that the server is unreachable, that the credentials are refused, or that the cluster id does not match the
// silos that are there. Errors are the store's own StoreExceptions (one line naming user@host:port/database).
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Membership;

/// <summary>Every cluster's rows in a PostgreSQL store's membership table.</summary>
public static class OrleansMembership
{
    /// <summary>Orleans' SiloStatus.Active as stored in the table.</summary>
    public const int ActiveStatus = 3;

    /// <summary>Every row of every cluster id; none when no silo has used the database for clustering yet.</summary>
    /// <exception cref="StoreException">Unreachable, refused credentials, a missing database, ...</exception>
    public static async Task<IReadOnlyList<OrleansMemberRow>> ReadAsync(PostgresStoreLocation location, CancellationToken cancellationToken)
    {
        await using var dialect = StoreDialects.Create(location);
        return await dialect.RunAsync(async connection =>
        {
            var tables = await dialect.ReadTableNamesAsync(connection, null, cancellationToken);
            if (!tables.Contains(OrleansMembershipSchema.MemberTable)) return (IReadOnlyList<OrleansMemberRow>)[];
            await using var command = connection.Command(null,
                "SELECT DeploymentId, Address, Port, Generation, Status, COALESCE(ProxyPort, 0), IAmAliveTime FROM OrleansMembershipTable");
            var rows = new List<OrleansMemberRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new OrleansMemberRow(reader.GetString(0), $"{reader.GetString(1)}:{reader.GetInt32(2)}@{reader.GetInt32(3)}",
                    reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6)));
            }
            return rows;
        }, cancellationToken);
    }
}
