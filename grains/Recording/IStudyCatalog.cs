// How the catalog grain reads the sweeps the study tables hold, a sweep's run tables, a page of its trials and one
// trial's history, without knowing SQL.
using SweepCluster.Abstractions;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Grains.Recording;

/// <summary>Reads the study tables' sweeps.</summary>
public interface IStudyCatalog
{
    /// <summary>Every sweep, newest first; null when this silo has no study tables.</summary>
    Task<IReadOnlyList<SweepLine>?> ListSweepsAsync();

    /// <summary>The sweep's trials and history tables; null when this silo has no study tables or no such sweep.</summary>
    Task<SweepRunTables?> ReadRunTablesAsync(string sweepId);

    /// <summary>One page of the sweep's trials, or why there is none (no such sweep, a bad column, no study tables).</summary>
    Task<TrialQueryResult<TrialPage>> QueryTrialsAsync(string sweepId, TrialPageQuery query);

    /// <summary>One trial's epochs, or why there are none (no such sweep or trial, no study tables).</summary>
    Task<TrialQueryResult<TrialHistory>> ReadTrialHistoryAsync(string sweepId, int trial);
}

/// <summary>The catalog of a silo without study tables: none.</summary>
public sealed class NullStudyCatalog : IStudyCatalog
{
    public Task<IReadOnlyList<SweepLine>?> ListSweepsAsync() => Task.FromResult<IReadOnlyList<SweepLine>?>(null);

    public Task<SweepRunTables?> ReadRunTablesAsync(string sweepId) => Task.FromResult<SweepRunTables?>(null);

    /// <summary>What a silo without study tables says to a trial query.</summary>
    public const string NoTables = "this cluster keeps no study tables: its silos run without a store";

    public Task<TrialQueryResult<TrialPage>> QueryTrialsAsync(string sweepId, TrialPageQuery query) =>
        Task.FromResult(TrialQueryResult<TrialPage>.NoStudyTables(NoTables));

    public Task<TrialQueryResult<TrialHistory>> ReadTrialHistoryAsync(string sweepId, int trial) =>
        Task.FromResult(TrialQueryResult<TrialHistory>.NoStudyTables(NoTables));
}
