// When the live sweep page rebuilds its report (no server needed): built by the coordinator, never for a large sweep;
// built from the store, for any sweep, less often the larger it is; at most every interval while a sweep runs, and
// always once for its final state.
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class LiveReportPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recently = Now - LiveReportPolicy.MinInterval / 2;
    private static readonly DateTimeOffset LongAgo = Now - LiveReportPolicy.MinInterval;

    private const int LargeSweep = 100_000;

    [Theory]
    [InlineData(LiveReportSource.Coordinator, false, true, null, LiveReportDecision.Rebuild)]
    [InlineData(LiveReportSource.Coordinator, false, false, "recently", LiveReportDecision.Reuse)]
    [InlineData(LiveReportSource.Coordinator, false, true, "recently", LiveReportDecision.Reuse)]
    [InlineData(LiveReportSource.Coordinator, false, true, "long ago", LiveReportDecision.Rebuild)]
    [InlineData(LiveReportSource.Coordinator, true, true, "recently", LiveReportDecision.Rebuild)]
    [InlineData(LiveReportSource.Coordinator, true, false, "recently", LiveReportDecision.Reuse)]
    [InlineData(LiveReportSource.Store, false, true, null, LiveReportDecision.Rebuild)]
    [InlineData(LiveReportSource.Store, false, true, "recently", LiveReportDecision.Reuse)]
    [InlineData(LiveReportSource.Store, false, true, "long ago", LiveReportDecision.Rebuild)]
    [InlineData(LiveReportSource.Store, true, true, "recently", LiveReportDecision.Rebuild)]
    public void ASmallSweepsReportIsRebuiltAtMostEveryIntervalAndOnceWhenItEnds(LiveReportSource source, bool final, bool changed, string? built,
        LiveReportDecision expected)
    {
        DateTimeOffset? builtAt = built switch { null => null, "recently" => Recently, _ => LongAgo };

        Assert.Equal(expected, LiveReportPolicy.Decide(source, LiveReportPolicy.MaxTrials, final, changed, builtAt, Now));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALargeSweepsPageHasNoReportTheCoordinatorWouldBuild(bool final)
    {
        Assert.Equal(LiveReportDecision.Omit,
            LiveReportPolicy.Decide(LiveReportSource.Coordinator, LiveReportPolicy.MaxTrials + 1, final, changed: true, builtAt: null, Now));
    }

    [Fact]
    public void ALargeSweepsReportFromTheStoreIsBuiltAndThenRebuiltLessOften()
    {
        var interval = LiveReportPolicy.IntervalFor(LiveReportSource.Store, LargeSweep);
        Assert.Equal(LiveReportPolicy.IntervalPerTrial * LargeSweep, interval);

        Assert.Equal(LiveReportDecision.Rebuild, LiveReportPolicy.Decide(LiveReportSource.Store, LargeSweep, false, changed: true, builtAt: null, Now));
        Assert.Equal(LiveReportDecision.Reuse, LiveReportPolicy.Decide(LiveReportSource.Store, LargeSweep, false, changed: true, LongAgo, Now));
        Assert.Equal(LiveReportDecision.Rebuild, LiveReportPolicy.Decide(LiveReportSource.Store, LargeSweep, false, changed: true, Now - interval, Now));
        Assert.Equal(LiveReportDecision.Rebuild, LiveReportPolicy.Decide(LiveReportSource.Store, LargeSweep, true, changed: true, LongAgo, Now));
    }

    [Fact]
    public void ASmallSweepsReportFromTheStoreIsRebuiltAsOftenAsTheCoordinators()
    {
        Assert.Equal(LiveReportPolicy.MinInterval, LiveReportPolicy.IntervalFor(LiveReportSource.Store, LiveReportPolicy.MaxTrials));
        Assert.Equal(LiveReportPolicy.MinInterval, LiveReportPolicy.IntervalFor(LiveReportSource.Coordinator, LargeSweep));
    }
}
