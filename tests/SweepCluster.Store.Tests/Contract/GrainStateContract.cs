// The grain-state table's contract, run against both engines: read, write and clear with optimistic concurrency by
// etag; a mismatch throws GrainStateConflictException and changes nothing.
using SweepCluster.Store.GrainState;

namespace SweepCluster.Store.Tests.Contract;

public abstract class GrainStateContract : StoreContract
{
    private static readonly GrainStateKey Key = new("sweepcoordinator", "20261126-172600-3fa2", "state");

    private async Task<GrainStateTable> NewTableAsync() => (await NewStoreAsync()).Store.GrainState;

    [Fact]
    public async Task Nothing_is_stored_at_first()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.ReadAsync(Key));
    }

    [Fact]
    public async Task A_first_write_stores_the_payload_and_returns_its_etag()
    {
        var table = await NewTableAsync();

        var etag = await table.WriteAsync(Key, [1, 2, 3], expectedETag: null);

        var read = await table.ReadAsync(Key);
        Assert.NotNull(read);
        Assert.Equal([1, 2, 3], read.Payload);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task A_write_with_the_stored_etag_replaces_the_payload_under_a_new_etag()
    {
        var table = await NewTableAsync();
        var first = await table.WriteAsync(Key, [1], null);

        var second = await table.WriteAsync(Key, [2, 2], first);

        Assert.NotEqual(first, second);
        Assert.Equal(new GrainStateRecord([2, 2], second).ETag, (await table.ReadAsync(Key))!.ETag);
        Assert.Equal([2, 2], (await table.ReadAsync(Key))!.Payload);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var first = await table.WriteAsync(Key, [1], null);
        var second = await table.WriteAsync(Key, [2], first);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync(Key, [3], first));

        Assert.Equal(Key, conflict.Key);
        Assert.Equal(first, conflict.ExpectedETag);
        Assert.Equal(second, conflict.StoredETag);
        Assert.Equal([2], (await table.ReadAsync(Key))!.Payload);
    }

    [Fact]
    public async Task A_first_write_over_a_stored_state_throws()
    {
        var table = await NewTableAsync();
        var stored = await table.WriteAsync(Key, [1], null);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync(Key, [9], null));

        Assert.Null(conflict.ExpectedETag);
        Assert.Equal(stored, conflict.StoredETag);
        Assert.Equal([1], (await table.ReadAsync(Key))!.Payload);
    }

    [Fact]
    public async Task Clearing_with_the_stored_etag_removes_the_state_and_a_stale_etag_cannot_write_it_back()
    {
        var table = await NewTableAsync();
        var etag = await table.WriteAsync(Key, [1], null);

        await table.ClearAsync(Key, etag);

        Assert.Null(await table.ReadAsync(Key));
        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => table.WriteAsync(Key, [2], etag));
        Assert.Null(conflict.StoredETag);
        Assert.NotNull(await table.WriteAsync(Key, [3], null));
    }

    [Fact]
    public async Task Clearing_with_a_wrong_etag_throws_and_keeps_the_state()
    {
        var table = await NewTableAsync();
        var etag = await table.WriteAsync(Key, [1], null);

        await Assert.ThrowsAsync<GrainStateConflictException>(() => table.ClearAsync(Key, "not-the-etag"));
        await Assert.ThrowsAsync<GrainStateConflictException>(() => table.ClearAsync(Key, null));

        Assert.Equal(etag, (await table.ReadAsync(Key))!.ETag);
    }

    [Fact]
    public async Task Clearing_nothing_with_no_etag_is_allowed()
    {
        var table = await NewTableAsync();

        await table.ClearAsync(Key, null);

        Assert.Null(await table.ReadAsync(Key));
    }

    [Fact]
    public async Task Keys_differing_in_any_part_are_separate_states()
    {
        var table = await NewTableAsync();
        GrainStateKey[] keys = [Key, Key with { StateName = "checkpoint" }, Key with { GrainId = "other" }, Key with { GrainType = "trial" }];

        for (var i = 0; i < keys.Length; i++) await table.WriteAsync(keys[i], [(byte)i], null);

        for (var i = 0; i < keys.Length; i++) Assert.Equal([(byte)i], (await table.ReadAsync(keys[i]))!.Payload);
    }

    [Fact]
    public async Task A_large_payload_round_trips_exactly()
    {
        var table = await NewTableAsync();
        var payload = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(payload);

        await table.WriteAsync(Key, payload, null);

        Assert.Equal(payload, (await table.ReadAsync(Key))!.Payload);
    }

    [Fact]
    public async Task Of_many_concurrent_writes_with_the_same_etag_exactly_one_wins()
    {
        var table = await NewTableAsync();
        var etag = await table.WriteAsync(Key, [0], null);
        const int writers = 8;

        var outcomes = await Task.WhenAll(Enumerable.Range(1, writers).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Won: true, ETag: await table.WriteAsync(Key, [(byte)i], etag), Payload: (byte)i);
            }
            catch (GrainStateConflictException)
            {
                return (Won: false, ETag: "", Payload: (byte)0);
            }
        })));

        var winner = Assert.Single(outcomes, outcome => outcome.Won);
        var stored = await table.ReadAsync(Key);
        Assert.Equal(winner.ETag, stored!.ETag);
        Assert.Equal([winner.Payload], stored.Payload);
    }
}
