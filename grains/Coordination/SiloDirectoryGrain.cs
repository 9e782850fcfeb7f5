// The cluster's directory of training slots: each silo registers its slot count when it starts; coordinators read it to place trials.
using Orleans.Storage;
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

/// <summary>Each silo's training slot count, registered by the silo when it starts.</summary>
public sealed class SiloDirectoryGrain(
    [PersistentState("silos", StorageNames.Sweeps)] IPersistentState<SiloDirectoryState> state) : Grain, ISiloDirectoryGrain
{
    /// <summary>How many times a registration re-reads the directory after another activation wrote it first.</summary>
    private const int ConflictRetries = 5;

    // While a cluster forms or reshapes, two silos may briefly each hold an activation of this grain, and either may be
    // the one asked. So both calls go to storage, the one copy they share: a registration is applied to the stored
    // directory (again, if another activation wrote it between the read and the write: it only adds one entry), and a
    // query reads it. Registrations come once per silo start and queries once per coordinator tick.
    public async Task RegisterAsync(string siloAddress, int slots)
    {
        for (var conflict = 0; ; conflict++)
        {
            await state.ReadStateAsync();
            state.State = new SiloDirectoryState(state.State.Slots.SetItem(siloAddress, slots));
            try
            {
                await state.WriteStateAsync();
                return;
            }
            catch (InconsistentStateException) when (conflict < ConflictRetries)
            {
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> GetSlotsAsync()
    {
        await state.ReadStateAsync();
        return state.State.Slots;
    }
}

[GenerateSerializer, Immutable, Alias("SweepCluster.SiloDirectoryState")]
public sealed record SiloDirectoryState([property: Id(0)] System.Collections.Immutable.ImmutableDictionary<string, int> Slots)
{
    public SiloDirectoryState() : this(System.Collections.Immutable.ImmutableDictionary<string, int>.Empty) { }
}
