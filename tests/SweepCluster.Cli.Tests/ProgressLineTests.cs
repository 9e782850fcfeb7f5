// The one-line progress of `sweep run` and `sweep watch`: paused and pruned trials are named when there are any, and
// the best so far is the best trial.
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests;

public sealed class ProgressLineTests
{
    private static SweepProgress Progress(Dictionary<TrialStatus, int> counts) =>
        new("s", "s", SweepStatus.Running, counts.Values.Sum(), counts, EpochsDone: 0, EpochsPlanned: 90, MetricName.ValAccuracy,
            BestMetric: null, BestDescription: null, DateTimeOffset.UtcNow, FinishedAt: null);

    [Fact]
    public void PausedAndPrunedTrialsAreNamedAndPrunedCountAsDone()
    {
        var line = SweepWatcher.Describe(Progress(new() { [TrialStatus.Completed] = 1, [TrialStatus.Pruned] = 5, [TrialStatus.Paused] = 2, [TrialStatus.Running] = 1 }));
        Assert.Equal("6/9 done · 1 running · 0 pending · 0 failed · 2 paused · 5 pruned", line);
    }

    [Fact]
    public void WithoutASchedulerTheLineIsUnchanged()
    {
        var line = SweepWatcher.Describe(Progress(new() { [TrialStatus.Completed] = 3, [TrialStatus.Pending] = 4, [TrialStatus.Running] = 2 }));
        Assert.Equal("3/9 done · 2 running · 4 pending · 0 failed", line);
    }

    [Fact]
    public void TheBestSoFarIsCalledTheBestTrial()
    {
        var progress = Progress(new() { [TrialStatus.Completed] = 2 }) with { BestMetric = 0.97216 };
        Assert.EndsWith("· best trial val_accuracy 0.9722", SweepWatcher.Describe(progress));
    }
}
