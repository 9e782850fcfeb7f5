// One silo incarnation as Orleans' ADO.NET clustering keeps it in a PostgreSQL store's membership table.
namespace SweepCluster.Store.Membership;

/// <summary>A row of the membership table.</summary>
/// <param name="ClusterId">The cluster id (Orleans' DeploymentId column).</param>
/// <param name="Address">ip:port@generation, as Orleans writes a silo address.</param>
/// <param name="Status">Orleans' SiloStatus as stored (<see cref="OrleansMembership.ActiveStatus"/> = active).</param>
/// <param name="GatewayPort">0 when the silo has no gateway.</param>
/// <param name="IAmAliveTime">The silo's last heartbeat.</param>
public sealed record OrleansMemberRow(string ClusterId, string Address, int Status, int GatewayPort, DateTimeOffset IAmAliveTime);
