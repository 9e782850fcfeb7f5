// When the live sweep page asks the coordinator for a new report (no server needed): never for a large sweep, at most
// every MinInterval while a sweep runs, and always once for its final state.
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class LiveReportPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recently = Now - LiveReportPolicy.MinInterval / 2;
    private static readonly DateTimeOffset LongAgo = Now - LiveReportPolicy.MinInterval;

    [Theory]
    [InlineData(false, true, null, LiveReportDecision.Rebuild)]
    [InlineData(false, false, "recently", LiveReportDecision.Reuse)]
    [InlineData(false, true, "recently", LiveReportDecision.Reuse)]
    [InlineData(false, true, "long ago", LiveReportDecision.Rebuild)]
    [InlineData(true, true, "recently", LiveReportDecision.Rebuild)]
    [InlineData(true, false, "recently", LiveReportDecision.Reuse)]
    public void ASmallSweepsReportIsRebuiltAtMostEveryIntervalAndOnceWhenItEnds(bool final, bool changed, string? built, LiveReportDecision expected)
    {
        DateTimeOffset? builtAt = built switch { null => null, "recently" => Recently, _ => LongAgo };

        Assert.Equal(expected, LiveReportPolicy.Decide(LiveReportPolicy.MaxTrials, final, changed, builtAt, Now));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALargeSweepsPageHasNoLiveReport(bool final)
    {
        Assert.Equal(LiveReportDecision.Omit, LiveReportPolicy.Decide(LiveReportPolicy.MaxTrials + 1, final, changed: true, builtAt: null, Now));
    }
}
