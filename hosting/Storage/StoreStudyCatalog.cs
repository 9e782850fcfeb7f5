// The catalog of a silo with a store: the sweeps table (newest first) joined with each sweep's trial counts, a
// sweep's run tables once this silo's queued rows are written, and the web run table's pages of trials and trial
// histories (read as the store holds them, without a flush: the writer writes every few hundred milliseconds anyway).
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;
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

    public async Task<TrialQueryResult<TrialPage>> QueryTrialsAsync(string sweepId, TrialPageQuery query)
    {
        try
        {
            return await store.Store.QueryTrialsAsync(sweepId, query) is { } page
                ? TrialQueryResult<TrialPage>.Answered(page)
                : TrialQueryResult<TrialPage>.NotFound(NoSweep(sweepId));
        }
        catch (TrialQueryException error)
        {
            return TrialQueryResult<TrialPage>.Invalid(error.ParamName ?? "", error.Reason);
        }
    }

    public async Task<TrialQueryResult<TrialHistory>> ReadTrialHistoryAsync(string sweepId, int trial)
    {
        if (await store.Store.GetSweepAsync(sweepId) is null) return TrialQueryResult<TrialHistory>.NotFound(NoSweep(sweepId));
        return await store.Store.ReadTrialHistoryAsync(sweepId, trial) is { } history
            ? TrialQueryResult<TrialHistory>.Answered(history)
            : TrialQueryResult<TrialHistory>.NotFound($"sweep '{sweepId}' has no trial {trial} in the store");
    }

    private static string NoSweep(string sweepId) => $"no sweep with id '{sweepId}' in the store";
}
