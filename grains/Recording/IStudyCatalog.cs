// How the catalog grain reads the sweeps the study tables hold, and a sweep's run tables, without knowing SQL.
using SweepCluster.Abstractions;
using SweepCluster.Core.Reports;

namespace SweepCluster.Grains.Recording;

/// <summary>Reads the study tables' sweeps.</summary>
public interface IStudyCatalog
{
    /// <summary>Every sweep, newest first; null when this silo has no study tables.</summary>
    Task<IReadOnlyList<SweepLine>?> ListSweepsAsync();

    /// <summary>The sweep's trials and history tables; null when this silo has no study tables or no such sweep.</summary>
    Task<SweepRunTables?> ReadRunTablesAsync(string sweepId);
}

/// <summary>The catalog of a silo without study tables: none.</summary>
public sealed class NullStudyCatalog : IStudyCatalog
{
    public Task<IReadOnlyList<SweepLine>?> ListSweepsAsync() => Task.FromResult<IReadOnlyList<SweepLine>?>(null);

    public Task<SweepRunTables?> ReadRunTablesAsync(string sweepId) => Task.FromResult<SweepRunTables?>(null);
}
