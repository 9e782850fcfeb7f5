namespace SweepCluster.Abstractions;

/// <summary>How many training slots each silo offers (a single grain, key <see cref="Key"/>); silos register at start.</summary>
public interface ISiloDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task RegisterAsync(string siloAddress, int slots);

    /// <summary>Silo address → slots, for every silo that ever registered (the caller intersects with live membership).</summary>
    Task<IReadOnlyDictionary<string, int>> GetSlotsAsync();
}
