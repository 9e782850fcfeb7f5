// The Orleans dashboard's silo half: every silo of the cluster calls this, web host or not, so that the dashboard on
// any silo sees every silo's activations and call statistics. The HTTP half is SweepWebHostExtensions.
using Orleans.Dashboard;

namespace SweepCluster.Web.Hosting;

/// <summary>Adds the Orleans dashboard's grains and counters to a silo.</summary>
public static class SweepDashboardExtensions
{
    /// <summary>How often the dashboard's counters (activations, calls, latency) are refreshed.</summary>
    public const int CounterUpdateIntervalMs = 1000;

    /// <summary>Registers the dashboard on <paramref name="silo"/>.</summary>
    public static ISiloBuilder AddSweepClusterDashboard(this ISiloBuilder silo) =>
        silo.AddDashboard(options => options.CounterUpdateIntervalMs = CounterUpdateIntervalMs);
}
