// The membership table of a PostgreSQL store (Orleans' ADO.NET clustering), as the preflight checks read it.
using SweepCluster.Store;
using SweepCluster.Store.Membership;

namespace SweepCluster.Hosting;

public static class PostgresMembership
{
    /// <summary>Every cluster's rows in <paramref name="store"/>'s membership table (none before any silo used it).</summary>
    /// <exception cref="StoreException">The store cannot be read; one line naming it, never the password.</exception>
    public static async Task<IReadOnlyList<MemberRow>> ReadAsync(PostgresStoreLocation store, CancellationToken cancellation) =>
        (await OrleansMembership.ReadAsync(store, cancellation))
        .Select(r => new MemberRow(r.ClusterId, r.Address, r.Status, r.GatewayPort, r.IAmAliveTime)).ToArray();
}
