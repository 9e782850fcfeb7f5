// `sweep list`'s source: every sweep the cluster's store knows, newest first, with its progress and best result. A
// stateless worker, so any silo answers from its own connection to the store.
using Orleans.Concurrency;

namespace SweepCluster.Abstractions;

/// <summary>The cluster's sweeps as its store lists them (key <see cref="Key"/>).</summary>
public interface ISweepCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Every sweep, newest first, with its trials ended and its best completed metric.</summary>
    Task<IReadOnlyList<SweepLine>> ListAsync();
}
