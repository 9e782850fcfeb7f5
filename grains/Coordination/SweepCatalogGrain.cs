// `sweep list`: the sweeps of the study tables (which survive a restart), newest first. A silo without study tables
// (a test cluster with its own grain storage) lists the index grain's sweeps with their coordinators' progress.
// A sweep's run tables, pages of trials and trial histories come from the study tables only.
using Orleans.Concurrency;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;
using SweepCluster.Grains.Recording;

namespace SweepCluster.Grains.Coordination;

[StatelessWorker]
public sealed class SweepCatalogGrain(IStudyCatalog catalog) : Grain, ISweepCatalogGrain
{
    public async Task<IReadOnlyList<SweepLine>> ListAsync() =>
        await catalog.ListSweepsAsync() ?? await FromIndexAsync();

    public Task<SweepRunTables?> GetRunTablesAsync(string sweepId) => catalog.ReadRunTablesAsync(sweepId);

    public Task<TrialQueryResult<TrialPage>> QueryTrialsAsync(string sweepId, TrialPageQuery query) => catalog.QueryTrialsAsync(sweepId, query);

    public Task<TrialQueryResult<TrialHistory>> GetTrialHistoryAsync(string sweepId, int trial) => catalog.ReadTrialHistoryAsync(sweepId, trial);

    private async Task<IReadOnlyList<SweepLine>> FromIndexAsync()
    {
        var listings = await GrainFactory.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        var lines = await Task.WhenAll(listings.Select(async listing =>
        {
            var progress = await GrainFactory.GetGrain<ISweepCoordinatorGrain>(listing.SweepId).GetProgressAsync();
            return new SweepLine(listing.SweepId, listing.Name, listing.Status, listing.CreatedAt, progress?.FinishedAt, listing.TotalTrials,
                progress?.Finished ?? 0, progress?.Metric ?? MetricName.ValAccuracy, progress?.BestMetric);
        }));
        return lines.OrderByDescending(line => line.CreatedAt).ThenByDescending(line => line.SweepId, StringComparer.Ordinal).ToArray();
    }
}
