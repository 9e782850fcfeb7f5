// The dataset caches keep one copy while trials ask for it, and let it go once nobody has for the retention.
using System.Runtime.CompilerServices;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class IdleReleasingCacheTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(1);

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Payload;

    [Fact]
    public void RequestsWithinTheRetentionShareOneLoad()
    {
        var clock = new ManualClock();
        var cache = new IdleReleasingCache<string, Payload>(Retention, clock, releaseOnTimer: false);
        var loads = 0;
        var first = cache.GetOrAdd("a", _ => { loads++; return new Payload(); });
        clock.Now += Retention / 2;
        cache.ReleaseIdle();
        Assert.Same(first, cache.GetOrAdd("a", _ => { loads++; return new Payload(); }));
        Assert.Equal(1, loads);
    }

    [Fact]
    public void AnIdleValueStillInUseIsHandedOutAgain()
    {
        var clock = new ManualClock();
        var cache = new IdleReleasingCache<string, Payload>(Retention, clock, releaseOnTimer: false);
        var held = cache.GetOrAdd("a", _ => new Payload());
        clock.Now += Retention * 2;
        cache.ReleaseIdle();
        Collect();
        Assert.Same(held, cache.GetOrAdd("a", _ => new Payload()));
    }

    [Fact]
    public void AnIdleValueNobodyUsesIsFreedAndLoadedAgain()
    {
        var clock = new ManualClock();
        var cache = new IdleReleasingCache<string, Payload>(Retention, clock, releaseOnTimer: false);
        var loads = 0;
        var firstLoad = LoadAndDrop(cache, () => loads++);
        clock.Now += Retention * 2;
        cache.ReleaseIdle();
        Collect();
        Assert.False(firstLoad.TryGetTarget(out _), "the released value should have been collected");
        cache.ReleaseIdle();
        Assert.Equal(0, cache.Count);
        cache.GetOrAdd("a", _ => { loads++; return new Payload(); });
        Assert.Equal(2, loads);
    }

    [Fact]
    public void AFailedLoadIsNotKept()
    {
        var cache = new IdleReleasingCache<string, Payload>(Retention, new ManualClock(), releaseOnTimer: false);
        Assert.Throws<IOException>(() => cache.GetOrAdd("a", _ => throw new IOException("missing")));
        Assert.NotNull(cache.GetOrAdd("a", _ => new Payload()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Payload> LoadAndDrop(IdleReleasingCache<string, Payload> cache, Action counted) =>
        new(cache.GetOrAdd("a", _ => { counted(); return new Payload(); }));

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
