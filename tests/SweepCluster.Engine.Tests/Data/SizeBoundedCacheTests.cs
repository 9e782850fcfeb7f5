// The silos' data-file cache: one load per key while it is kept (concurrent requests share it), least recently used out
// first within the byte budget, a value larger than the budget handed out but not kept, a failed load not kept.
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class SizeBoundedCacheTests
{
    private static SizeBoundedCache<string, byte[]> Cache(long budget) => new(budget, bytes => bytes.LongLength);

    private static Func<string, Task<byte[]>> Bytes(int size) => _ => Task.FromResult(new byte[size]);

    [Fact]
    public async Task AKeptValueIsLoadedOnceAndHandedOutAgain()
    {
        var cache = Cache(100);
        var first = await cache.GetOrLoadAsync("a", Bytes(10));
        Assert.Same(first, await cache.GetOrLoadAsync("a", Bytes(10)));
        Assert.Equal((1, 1, 10L), (cache.Loads, cache.Count, cache.KeptBytes));
    }

    [Fact]
    public async Task ConcurrentRequestsShareOneLoad()
    {
        var cache = Cache(100);
        var release = new TaskCompletionSource();
        var loads = 0;
        var requests = Enumerable.Range(0, 8).Select(_ => cache.GetOrLoadAsync("a", async _ =>
        {
            Interlocked.Increment(ref loads);
            await release.Task;
            return new byte[10];
        })).ToArray();
        release.SetResult();
        var values = await Task.WhenAll(requests);
        Assert.Equal(1, loads);
        Assert.All(values, value => Assert.Same(values[0], value));
    }

    [Fact]
    public async Task TheLeastRecentlyUsedValueGoesFirstWhenANewOneWouldNotFit()
    {
        var cache = Cache(30);
        await cache.GetOrLoadAsync("a", Bytes(10));
        await cache.GetOrLoadAsync("b", Bytes(10));
        await cache.GetOrLoadAsync("c", Bytes(10));
        await cache.GetOrLoadAsync("a", Bytes(10)); // used again: b is now the oldest
        await cache.GetOrLoadAsync("d", Bytes(10));
        Assert.Equal((true, false, true, true), (cache.Holds("a"), cache.Holds("b"), cache.Holds("c"), cache.Holds("d")));
        Assert.Equal(30, cache.KeptBytes);
    }

    [Fact]
    public async Task AValueLargerThanTheBudgetIsHandedOutButNotKept()
    {
        var cache = Cache(30);
        await cache.GetOrLoadAsync("small", Bytes(10));
        Assert.Equal(40, (await cache.GetOrLoadAsync("huge", Bytes(40))).Length);
        Assert.Equal((false, true, 10L), (cache.Holds("huge"), cache.Holds("small"), cache.KeptBytes));
    }

    [Fact]
    public async Task AFailedLoadIsNotKeptAndALaterRequestLoadsAgain()
    {
        var cache = Cache(30);
        await Assert.ThrowsAsync<IOException>(() => cache.GetOrLoadAsync("a", _ => throw new IOException("storage down")));
        Assert.Equal(10, (await cache.GetOrLoadAsync("a", Bytes(10))).Length);
        Assert.Equal(2, cache.Loads);
    }
}
