// The web host's reports from the silo's store (IStoredSweepReports): the report StoredSweepReport builds from the
// coordinator's stored state and the run tables for its per-trial charts, read without a grain call and without
// flushing the silo's writer (the run table page reads the store the same way). Registered with the store's grain
// storage, since the coordinator's state is only in the store then.
using Orleans.Serialization;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Hosting.Storage;

/// <summary>An <see cref="IStoredSweepReports"/> over the silo's store.</summary>
public sealed class StoreSweepReports(SiloStore store, Serializer serializer) : IStoredSweepReports
{
    public async Task<LiveReport?> ReadAsync(string sweepId, CancellationToken cancellationToken = default)
    {
        if (await StoredSweepReport.BuildAsync(store.Store, serializer, sweepId, cancellationToken) is not { } report) return null;
        return new LiveReport(report, await StudyRunTables.ReadAsync(store.Store, sweepId, cancellationToken));
    }
}
