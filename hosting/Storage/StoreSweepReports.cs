// The web host's reports from the silo's store (IStoredSweepReports): the report StoredSweepReport builds from the
// coordinator's stored state and the run tables for its per-trial charts, read without a grain call and without
// flushing the silo's writer (the run table page reads the store the same way). Registered with the store's grain
// storage, since the coordinator's state is only in the store then.
using Orleans.Serialization;
using SweepCluster.Core.Reports;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Hosting.Storage;

/// <summary>An <see cref="IStoredSweepReports"/> over the silo's store.</summary>
public sealed class StoreSweepReports(SiloStore store, Serializer serializer) : IStoredSweepReports
{
    public async Task<LiveReport?> ReadAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        // The run tables are read while the report is built: the two take seconds each at 100,000 trials.
        var runs = Task.Run(() => StudyRunTables.ReadAsync(store.Store, sweepId, cancellationToken), cancellationToken);
        var report = await ReadReportAsync(sweepId, cancellationToken);
        var tables = await runs;
        return report is null ? null : new LiveReport(report, tables);
    }

    public Task<SweepReport?> ReadReportAsync(string sweepId, CancellationToken cancellationToken = default) =>
        StoredSweepReport.BuildAsync(store.Store, serializer, sweepId, cancellationToken);
}
