// The Orleans grain-storage adapter's contract (hosting's StoreGrainStorage over the store's grain-state table), run
// against both engines: what a grain writes reads back equal in a fresh activation, a stale etag is Orleans'
// InconsistentStateException and changes nothing, a clear removes the state, and states are kept apart by grain
// type, grain key and state name. Payloads go through Orleans' own binary serializer, as in a silo.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store.Tests.Contract;

namespace SweepCluster.Store.Tests.GrainStorage;

public abstract class GrainStorageContract : StoreContract
{
    private const string StateName = "sweep";
    private static readonly GrainId Grain = GrainId.Create("sweepcoordinator", "20261126-172600-3fa2");
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
    private static readonly SweepListing First = new("20261126-172600-3fa2", "quickstart", SweepStatus.Running, 24,
        new DateTimeOffset(2026, 11, 26, 17, 26, 0, TimeSpan.Zero));

    private readonly List<SiloStore> _silos = [];

    /// <summary>The kind of store the locations of this engine are.</summary>
    protected abstract StoreKind Kind { get; }

    private async Task<IGrainStorage> NewStorageAsync()
    {
        var silo = new SiloStore(new StoreSelection(Kind, await NewLocationAsync()), NullLogger<SiloStore>.Instance);
        _silos.Add(silo);
        await silo.OpenAsync();
        return new StoreGrainStorage(silo, Serializer);
    }

    private static async Task<GrainState<SweepListing>> ReadAsync(IGrainStorage storage, GrainId grain, string name = StateName)
    {
        var state = new GrainState<SweepListing>(null!);
        await storage.ReadStateAsync(name, grain, state);
        return state;
    }

    [Fact]
    public async Task A_grain_with_nothing_stored_reads_no_record()
    {
        var storage = await NewStorageAsync();

        var state = await ReadAsync(storage, Grain);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State);
    }

    [Fact]
    public async Task What_a_grain_writes_a_fresh_activation_reads_back_equal_with_its_etag()
    {
        var storage = await NewStorageAsync();
        var written = new GrainState<SweepListing>(First);

        await storage.WriteStateAsync(StateName, Grain, written);
        var read = await ReadAsync(storage, Grain);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(First, read.State);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_the_read_etag_replaces_the_state_under_a_new_etag()
    {
        var storage = await NewStorageAsync();
        var state = new GrainState<SweepListing>(First);
        await storage.WriteStateAsync(StateName, Grain, state);
        var firstETag = state.ETag;

        state.State = First with { Status = SweepStatus.Completed };
        await storage.WriteStateAsync(StateName, Grain, state);

        Assert.NotEqual(firstETag, state.ETag);
        Assert.Equal(SweepStatus.Completed, (await ReadAsync(storage, Grain)).State!.Status);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_an_inconsistent_state_and_changes_nothing()
    {
        var storage = await NewStorageAsync();
        var winner = new GrainState<SweepListing>(First);
        await storage.WriteStateAsync(StateName, Grain, winner);
        var stale = await ReadAsync(storage, Grain);
        winner.State = First with { TotalTrials = 25 };
        await storage.WriteStateAsync(StateName, Grain, winner);

        stale.State = First with { Status = SweepStatus.Cancelled };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, stale));

        var stored = await ReadAsync(storage, Grain);
        Assert.Equal(25, stored.State!.TotalTrials);
        Assert.Equal(SweepStatus.Running, stored.State.Status);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_first_write_over_a_state_another_activation_stored_is_an_inconsistent_state()
    {
        var storage = await NewStorageAsync();
        await storage.WriteStateAsync(StateName, Grain, new GrainState<SweepListing>(First));

        var unaware = new GrainState<SweepListing>(First with { Name = "other" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain, unaware));

        Assert.Equal("quickstart", (await ReadAsync(storage, Grain)).State!.Name);
    }

    [Fact]
    public async Task A_clear_with_the_read_etag_removes_the_state()
    {
        var storage = await NewStorageAsync();
        var state = new GrainState<SweepListing>(First);
        await storage.WriteStateAsync(StateName, Grain, state);

        await storage.ClearStateAsync(StateName, Grain, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.False((await ReadAsync(storage, Grain)).RecordExists);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_an_inconsistent_state_and_keeps_the_state()
    {
        var storage = await NewStorageAsync();
        var winner = new GrainState<SweepListing>(First);
        await storage.WriteStateAsync(StateName, Grain, winner);
        var stale = await ReadAsync(storage, Grain);
        await storage.WriteStateAsync(StateName, Grain, winner);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain, stale));

        Assert.True((await ReadAsync(storage, Grain)).RecordExists);
    }

    [Fact]
    public async Task States_are_kept_apart_by_grain_type_key_and_state_name()
    {
        var storage = await NewStorageAsync();
        await storage.WriteStateAsync(StateName, Grain, new GrainState<SweepListing>(First));

        Assert.False((await ReadAsync(storage, Grain, "index")).RecordExists);
        Assert.False((await ReadAsync(storage, GrainId.Create("trial", Grain.Key.ToString()!))).RecordExists);
        Assert.False((await ReadAsync(storage, GrainId.Create("sweepcoordinator", "another"))).RecordExists);
        Assert.True((await ReadAsync(storage, Grain)).RecordExists);
    }

    public override async Task DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        await base.DisposeAsync();
    }
}
