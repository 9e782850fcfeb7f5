// One silo's row of a membership table, whichever store holds it (Redis, PostgreSQL), and which rows count as live.
namespace SweepCluster.Hosting;

/// <summary>One silo's row of the membership table.</summary>
/// <param name="Status">Orleans' SiloStatus as stored (<see cref="MembershipRows.ActiveStatus"/> = active).</param>
/// <param name="GatewayPort">0 when the silo has no gateway.</param>
public sealed record MemberRow(string ClusterId, string Address, int Status, int GatewayPort, DateTimeOffset IAmAliveTime);

public static class MembershipRows
{
    /// <summary>Orleans' SiloStatus.Active as stored in the table.</summary>
    public const int ActiveStatus = 3;

    /// <summary>
    /// A silo's heartbeat older than this is not counted as live: Orleans publishes one every 30 s by default, so three
    /// missed ones mean the silo is gone even if nobody has voted it dead yet.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(90);

    /// <summary>Rows marked active whose last heartbeat is recent (a killed silo stays "active" until voted dead).</summary>
    public static IEnumerable<MemberRow> Live(IEnumerable<MemberRow> rows, DateTimeOffset now) =>
        rows.Where(r => r.Status == ActiveStatus && now - r.IAmAliveTime < StaleAfter);
}
