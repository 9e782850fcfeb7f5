// `sweep list`'s source: every sweep the cluster's store knows, newest first, with its progress and best result;
// `sweep report -o DIR`'s run tables (trials.csv, history.csv); and the web run table's pages of trials and trial
// histories. A stateless worker, so any silo answers from its own connection to the store, never asking a coordinator.
using Orleans.Concurrency;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Abstractions;

/// <summary>The cluster's sweeps as its store lists them (key <see cref="Key"/>).</summary>
public interface ISweepCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Every sweep, newest first, with its trials ended and its best completed metric.</summary>
    Task<IReadOnlyList<SweepLine>> ListAsync();

    /// <summary>The sweep's trials and history tables as the store holds them (rows this silo still queues are written
    /// first); null when the cluster keeps no study tables or the store has no such sweep.</summary>
    Task<SweepRunTables?> GetRunTablesAsync(string sweepId);

    /// <summary>One page of the sweep's trials (sorted, filtered, at most <see cref="TrialPageQuery.MaxLimit"/> rows) as
    /// the store holds them, each with its newest epoch and metric; or why there is none.</summary>
    Task<TrialQueryResult<TrialPage>> QueryTrialsAsync(string sweepId, TrialPageQuery query);

    /// <summary>One trial's epochs as the store holds them; or why there are none.</summary>
    Task<TrialQueryResult<TrialHistory>> GetTrialHistoryAsync(string sweepId, int trial);
}
