using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class MedianStoppingSchedulerTests
{
    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Median, GraceEpochs = 1, MinTrials = 3 };

    private static MedianStoppingScheduler Create() => new(Settings, Accuracy);

    private static void Complete(ITrialScheduler scheduler, int trial, params double[] metrics)
    {
        for (var e = 0; e < metrics.Length; e++) scheduler.Report(trial, e + 1, metrics[e], metrics.Length);
        scheduler.OnTrialFinished(trial, TrialStatus.Completed, metrics[^1]);
    }

    [Fact]
    public void NoDecisionWithinTheGraceEpochsOrBeforeEnoughTrialsCompleted()
    {
        var median = Create();
        Complete(median, 0, 0.5, 0.6, 0.7, 0.8);
        Complete(median, 1, 0.5, 0.6, 0.7, 0.8);
        Assert.False(median.IsDecisionEpoch(1, 4));
        Assert.True(median.IsDecisionEpoch(2, 4));
        Assert.False(median.IsDecisionEpoch(4, 4));
        Assert.Equal(TrialDecision.Continue, median.Report(5, 1, 0.1, 4).Decision);   // grace
        Assert.Equal(TrialDecision.Continue, median.Report(5, 2, 0.1, 4).Decision);   // only 2 completed
    }

    [Fact]
    public void StopsATrialWhoseBestIsWorseThanTheMedianOfRunningAverages()
    {
        var median = Create();
        Complete(median, 0, 0.50, 0.60, 0.70, 0.80); // running averages at 2: 0.55
        Complete(median, 1, 0.40, 0.50, 0.60, 0.70); // 0.45
        Complete(median, 2, 0.70, 0.80, 0.90, 0.90); // 0.75 → median at epoch 2 = 0.55
        median.Report(3, 1, 0.56, 4);
        Assert.Equal(TrialDecision.Continue, median.Report(3, 2, 0.50, 4).Decision); // best 0.56 ≥ 0.55
        median.Report(4, 1, 0.30, 4);
        var stop = median.Report(4, 2, 0.54, 4);
        Assert.Equal(TrialDecision.Stop, stop.Decision);
        Assert.Contains("epoch 2", stop.Reason);
        Assert.Contains("median 0.55", stop.Reason);
    }

    [Fact]
    public void ResultsReportedAgainAfterAResumeReplaceTheOldOnesAndStateSurvivesAReload()
    {
        var median = Create();
        Complete(median, 0, 0.5, 0.5, 0.5);
        Complete(median, 1, 0.5, 0.5, 0.5);
        Complete(median, 2, 0.5, 0.5, 0.5);
        median.Report(3, 1, 0.1, 3);
        median.Report(3, 1, 0.9, 3); // the same epoch again, from a checkpoint
        var reloaded = median.Reloaded(Create);
        Assert.Equal(TrialDecision.Continue, reloaded.Report(3, 2, 0.2, 3).Decision); // best so far 0.9
        Assert.Empty(reloaded.OnIdle([]));
    }
}
