// The catalog of a silo with a store: the sweeps table (newest first) joined with each sweep's trial counts, and a
// sweep's run tables once this silo's queued rows are written.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Grains.Recording;

namespace SweepCluster.Hosting.Storage;

/// <summary>An <see cref="IStudyCatalog"/> over the silo's store.</summary>
public sealed class StoreStudyCatalog(SiloStore store) : IStudyCatalog
{
    public async Task<IReadOnlyList<SweepLine>?> ListSweepsAsync()
    {
        var sweeps = await store.Store.ListSweepsAsync();
        var counts = (await store.Store.CountTrialsAsync()).ToDictionary(count => count.Sweep, StringComparer.Ordinal);
        return sweeps.Select(sweep =>
        {
            var count = counts.GetValueOrDefault(sweep.Id);
            var best = sweep.Metric.Goal == MetricGoal.Maximize ? count?.HighestCompleted : count?.LowestCompleted;
            return new SweepLine(sweep.Id, sweep.Name, sweep.Status, sweep.Created, sweep.Finished, count?.Trials ?? 0, count?.Ended ?? 0,
                sweep.Metric.Name, best);
        }).ToArray();
    }

    public async Task<SweepRunTables?> ReadRunTablesAsync(string sweepId)
    {
        if (await store.Store.GetSweepAsync(sweepId) is null) return null;
        await store.Writer.FlushAsync();
        return await StudyRunTables.ReadAsync(store.Store, sweepId);
    }
}
