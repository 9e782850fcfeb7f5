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

    // Silos register as they start, and while the cluster reshapes (a silo lost, another started on its endpoint) an
    // older activation of this grain may have written the directory after this one read it. A registration only adds
    // one entry, so it is applied again to the stored directory instead of failing the silo's start.
    public async Task RegisterAsync(string siloAddress, int slots)
    {
        for (var conflict = 0; ; conflict++)
        {
            state.State = new SiloDirectoryState(state.State.Slots.SetItem(siloAddress, slots));
            try
            {
                await state.WriteStateAsync();
                return;
            }
            catch (InconsistentStateException) when (conflict < ConflictRetries)
            {
                await state.ReadStateAsync();
            }
        }
    }

    public Task<IReadOnlyDictionary<string, int>> GetSlotsAsync() => Task.FromResult<IReadOnlyDictionary<string, int>>(state.State.Slots);
}

[GenerateSerializer, Immutable, Alias("SweepCluster.SiloDirectoryState")]
public sealed record SiloDirectoryState([property: Id(0)] System.Collections.Immutable.ImmutableDictionary<string, int> Slots)
{
    public SiloDirectoryState() : this(System.Collections.Immutable.ImmutableDictionary<string, int>.Empty) { }
}
