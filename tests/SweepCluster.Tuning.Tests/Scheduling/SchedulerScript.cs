// Feeds schedulers scripted epoch results, the way the coordinator does.
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Tuning.Tests.Scheduling;

internal static class SchedulerScript
{
    public static readonly MetricSpec Accuracy = new(MetricName.ValAccuracy, MetricGoal.Maximize);

    public static TrialEpochResult Epoch(int trial, int epoch, double? metric, int epochs) =>
        new(trial, trial, new EpochRecord(epoch, epoch * 10L, 1.0, 0.5, 1.0, metric, null, 0.1, 0, 32), metric, epochs);

    public static SchedulingDecision Report(this ITrialScheduler scheduler, int trial, int epoch, double? metric, int epochs) =>
        scheduler.OnEpoch(Epoch(trial, epoch, metric, epochs));

    /// <summary>A fresh scheduler with the state the first one saved.</summary>
    public static T Reloaded<T>(this T scheduler, Func<T> create) where T : ITrialScheduler
    {
        var copy = create();
        copy.RestoreState(scheduler.SaveState());
        return copy;
    }
}
