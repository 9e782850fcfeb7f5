// How the catalog grain reads the sweeps the study tables hold, without knowing SQL.
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Recording;

/// <summary>Reads the study tables' sweeps.</summary>
public interface IStudyCatalog
{
    /// <summary>Every sweep, newest first; null when this silo has no study tables.</summary>
    Task<IReadOnlyList<SweepLine>?> ListSweepsAsync();
}

/// <summary>The catalog of a silo without study tables: none.</summary>
public sealed class NullStudyCatalog : IStudyCatalog
{
    public Task<IReadOnlyList<SweepLine>?> ListSweepsAsync() => Task.FromResult<IReadOnlyList<SweepLine>?>(null);
}
