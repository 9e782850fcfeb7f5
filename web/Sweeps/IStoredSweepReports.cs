// How the web host reads a sweep's report and run tables straight from the cluster's store, with no grain call: the
// hosting layer implements it over the silo's store when the grains keep their state there; without it (grain state
// in memory or Redis) the live page asks the coordinator.
using SweepCluster.Core.Reports;

namespace SweepCluster.Web.Sweeps;

/// <summary>A sweep's report from the store.</summary>
public interface IStoredSweepReports
{
    /// <summary>The sweep's report as its coordinator last stored it, with the run tables for its per-trial charts;
    /// null when the store holds no state for the sweep.</summary>
    Task<LiveReport?> ReadAsync(string sweepId, CancellationToken cancellationToken = default);

    /// <summary>The sweep's report alone (no run tables); null when the store holds no state for the sweep.</summary>
    Task<SweepReport?> ReadReportAsync(string sweepId, CancellationToken cancellationToken = default);
}
