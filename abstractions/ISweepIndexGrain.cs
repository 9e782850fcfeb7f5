namespace SweepCluster.Abstractions;

/// <summary>The list of every sweep of the cluster (a single grain, key <see cref="Key"/>), for `sweep list`.</summary>
public interface ISweepIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds or updates a sweep's line.</summary>
    Task UpsertAsync(SweepListing listing);

    /// <summary>Removes a deleted sweep's line.</summary>
    Task RemoveAsync(string sweepId);

    Task<IReadOnlyList<SweepListing>> ListAsync();
}
