
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

/// <summary>Each silo's training slot count, registered by the silo when it starts.</summary>
public sealed class SiloDirectoryGrain(
    [PersistentState("silos", StorageNames.Sweeps)] IPersistentState<SiloDirectoryState> state) : Grain, ISiloDirectoryGrain
{
    public async Task RegisterAsync(string siloAddress, int slots)
    {
        state.State = new SiloDirectoryState(state.State.Slots.SetItem(siloAddress, slots));
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, int>> GetSlotsAsync() => Task.FromResult<IReadOnlyDictionary<string, int>>(state.State.Slots);
}

[GenerateSerializer, Immutable, Alias("SweepCluster.SiloDirectoryState")]
public sealed record SiloDirectoryState([property: Id(0)] System.Collections.Immutable.ImmutableDictionary<string, int> Slots)
{
    public SiloDirectoryState() : this(System.Collections.Immutable.ImmutableDictionary<string, int>.Empty) { }
}
