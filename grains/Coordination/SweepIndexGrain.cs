
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

/// <summary>The cluster's list of sweeps.</summary>
public sealed class SweepIndexGrain(
    [PersistentState("index", StorageNames.Sweeps)] IPersistentState<SweepIndexState> state) : Grain, ISweepIndexGrain
{
    public async Task UpsertAsync(SweepListing listing)
    {
        state.State = new SweepIndexState(state.State.Sweeps.SetItem(listing.SweepId, listing));
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(string sweepId)
    {
        if (!state.State.Sweeps.ContainsKey(sweepId)) return;
        state.State = new SweepIndexState(state.State.Sweeps.Remove(sweepId));
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<SweepListing>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SweepListing>>(state.State.Sweeps.Values.OrderBy(s => s.CreatedAt).ThenBy(s => s.SweepId, StringComparer.Ordinal).ToArray());
}

[GenerateSerializer, Immutable, Alias("SweepCluster.SweepIndexState")]
public sealed record SweepIndexState([property: Id(0)] System.Collections.Immutable.ImmutableDictionary<string, SweepListing> Sweeps)
{
    public SweepIndexState() : this(System.Collections.Immutable.ImmutableDictionary<string, SweepListing>.Empty) { }
}
