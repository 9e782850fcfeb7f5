// Every scheduler's saved state survives the coordinator's storage: a scheduler part-way through a sweep saves its
// snapshot, the snapshot goes through Orleans' serializer (as the base type SweepState stores), a fresh scheduler
// restores it, and from there both answer every call exactly alike (decision, reason, restart; actions in order).
// Each script leaves something in the snapshot that a restore could lose: decisions not handed out yet, a metric
// that ranks as ±∞, an epoch reported again, an open PBT generation.
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Testing;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class SchedulerSnapshotRoundTripTests
{
    private const int Epochs = 9;

    [Fact]
    public void FifoSavesNothingAndDecidesAlike()
    {
        var fifo = new FifoScheduler();
        Assert.Null(fifo.SaveState());
        var log = AssertSameAnswersAfterRoundTrip(() => new FifoScheduler(), fifo, f => [Answer(f, 0, 1, 0.5), Answer(f, 0, 2, 0.6)]);
        Assert.All(log, a => Assert.Equal(TrialDecision.Continue, a.Decision.Decision));
    }

    [Fact]
    public void AshaKeepsRungsPromotionsPausesAndUndeliveredPromotions()
    {
        var settings = new SchedulerSettings { Kind = SchedulerKind.Asha, MinEpochs = 1, Eta = 3 };
        AshaScheduler Create() => new(settings, Accuracy);
        var asha = Create();
        asha.Report(0, 1, 0.9, Epochs); // paused: nothing promotable yet
        asha.Report(1, 1, double.NaN, Epochs); // ranks last (−∞)
        asha.Report(2, 1, 0.4, Epochs); // paused; trial 0 is promoted, its action not taken yet
        var snapshot = Assert.IsType<AshaSnapshot>(asha.SaveState());
        Assert.NotEmpty(snapshot.Actions);

        var log = AssertSameAnswersAfterRoundTrip(Create, asha, s =>
        [
            .. s.TakeActions(),
            Answer(s, 3, 1, 0.95),
            Answer(s, 4, 1, null),
            Answer(s, 5, 1, 0.3),
            .. s.TakeActions(),
            Answer(s, 0, 3, 0.97),
            Answer(s, 2, 1, 0.4), // reported again
            .. Finished(s, 4, TrialStatus.Failed),
            .. s.OnIdle([1, 2, 4, 5]),
        ]);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Stop);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Pause);
    }

    [Fact]
    public void HyperbandKeepsEachBracketsRungsPausesAndUndeliveredPromotions()
    {
        var settings = new SchedulerSettings { Kind = SchedulerKind.Hyperband, MinEpochs = 1, Eta = 3 };
        HyperbandScheduler Create() => new(settings, Accuracy);
        var hyperband = Create();
        var early = Enumerable.Range(0, 100).Where(c => hyperband.Brackets.Of(c, Epochs) == 0).Take(4).ToArray();
        var late = Enumerable.Range(0, 100).Where(c => hyperband.Brackets.Of(c, Epochs) == 1).Take(4).ToArray();
        hyperband.Report(early[0], 1, 0.9, Epochs); // paused: nothing promotable yet
        hyperband.Report(early[1], 1, double.NaN, Epochs); // ranks last (−∞)
        hyperband.Report(early[2], 1, 0.4, Epochs); // paused; early[0] is promoted, its action not taken yet
        hyperband.Report(late[0], 3, 0.2, Epochs); // paused at bracket 1's first rung (epoch 3)
        var snapshot = Assert.IsType<HyperbandSnapshot>(hyperband.SaveState());
        Assert.Equal([0, 1], snapshot.Brackets.Keys);
        Assert.NotEmpty(snapshot.Brackets[0].Actions);

        var log = AssertSameAnswersAfterRoundTrip(Create, hyperband, s =>
        [
            .. s.TakeActions(),
            Answer(s, late[1], 1, 0.95), // not a rung of bracket 1
            Answer(s, late[1], 3, 0.95),
            Answer(s, late[2], 3, null),
            .. s.TakeActions(),
            Answer(s, early[3], 1, 0.3),
            Answer(s, early[0], 3, 0.97),
            Answer(s, early[2], 1, 0.4), // reported again
            .. Finished(s, late[2], TrialStatus.Failed),
            .. s.OnIdle([early[1], early[2], early[3], late[0]]),
        ]);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Stop);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Pause);
        Assert.Contains(log, a => a.Decision.Reason?.StartsWith("Hyperband bracket 1") == true);
    }

    [Fact]
    public void MedianStoppingKeepsMetricsPerEpochAndTheCompletedTrials()
    {
        var settings = new SchedulerSettings { Kind = SchedulerKind.Median, GraceEpochs = 1, MinTrials = 3 };
        MedianStoppingScheduler Create() => new(settings, Accuracy);
        var median = Create();
        Complete(median, 0, 0.50, 0.60, 0.70, 0.80);
        Complete(median, 1, 0.40, double.NaN, 0.60, 0.70); // a missing epoch
        Complete(median, 2, 0.70, 0.80, 0.90, 0.90);
        median.Report(3, 1, 0.1, 4);
        median.Report(3, 2, 0.2, 4);

        var log = AssertSameAnswersAfterRoundTrip(Create, median, s =>
        [
            Answer(s, 3, 2, 0.9, epochs: 4), // reported again after a resume: replaces the old value
            Answer(s, 4, 1, 0.3, epochs: 4),
            Answer(s, 4, 2, 0.35, epochs: 4),
            Answer(s, 5, 2, 0.45, epochs: 4), // epoch 1 never reported
            .. s.OnIdle([]),
        ]);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Stop);
        Assert.Contains(log, a => a.Decision.Decision == TrialDecision.Continue);
    }

    [Fact]
    public void PbtKeepsOpenGenerationsReleasedBoundariesFinishedMembersAndUndeliveredRestarts()
    {
        var settings = new SchedulerSettings { Kind = SchedulerKind.Pbt, Interval = 2, Quantile = 0.25, ResampleProbability = 0.5 };
        PbtScheduler Create() => new(settings, Accuracy, population: 8, seed: 7);
        var pbt = Create();
        double[] metrics = [0.5, 0.9, 0.1, 0.6, 0.8, 0.2, 0.7, 0.4];
        for (var trial = 0; trial < metrics.Length; trial++) pbt.Report(trial, 2, metrics[trial], Epochs); // generation 2 released
        pbt.Report(1, 4, 0.95, Epochs); // generation 4 open
        pbt.OnTrialFinished(6, TrialStatus.Diverged, null);
        var snapshot = Assert.IsType<PbtSnapshot>(pbt.SaveState());
        Assert.Contains(snapshot.Actions, a => a.Decision.Restart is not null);

        var log = AssertSameAnswersAfterRoundTrip(Create, pbt, s =>
        [
            .. s.TakeActions(),
            Answer(s, 0, 2, 0.5), // asked again at a released boundary
            .. Enumerable.Range(0, 8).Where(t => t is not 1 and not 6).Select(t => Answer(s, t, 4, metrics[t] + 0.05)),
            .. s.TakeActions(),
            .. Finished(s, 7, TrialStatus.Failed),
            Answer(s, 3, 6, null), // generation 6 waits for the rest
            .. s.OnIdle([3]),
        ]);
        Assert.Contains(log, a => a.Decision.Restart is not null);
    }

    [Fact]
    public void ASchedulerRefusesAnotherSchedulersSnapshot()
    {
        var asha = new AshaScheduler(new SchedulerSettings { Kind = SchedulerKind.Asha, MinEpochs = 1, Eta = 3 }, Accuracy);
        Assert.Throws<ArgumentException>(() => asha.RestoreState(PbtSnapshot.Initial));
        Assert.Throws<ArgumentException>(() => new FifoScheduler().RestoreState(AshaSnapshot.Initial));
        var hyperband = new HyperbandScheduler(new SchedulerSettings { Kind = SchedulerKind.Hyperband }, Accuracy);
        Assert.Throws<ArgumentException>(() => hyperband.RestoreState(AshaSnapshot.Initial));
        Assert.Throws<ArgumentException>(() => asha.RestoreState(HyperbandSnapshot.Initial));
    }

    /// <summary>
    /// Restores a fresh scheduler from an Orleans serializer copy of <paramref name="scheduler"/>'s state, runs
    /// <paramref name="then"/> on both and asserts the same answers; returns them.
    /// </summary>
    private static IReadOnlyList<ScheduledAction> AssertSameAnswersAfterRoundTrip<T>(Func<T> create, T scheduler, Func<T, ScheduledAction[]> then)
        where T : ITrialScheduler
    {
        var restored = create();
        restored.RestoreState(OrleansCopy.Of(scheduler.SaveState()));
        var expected = then(scheduler);
        var actual = then(restored);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        return actual;
    }

    /// <summary>The scheduler's answer to one epoch, logged as a decision about that trial.</summary>
    private static ScheduledAction Answer(ITrialScheduler scheduler, int trial, int epoch, double? metric, int epochs = Epochs) =>
        new(trial, scheduler.Report(trial, epoch, metric, epochs));

    /// <summary>Tells the scheduler a trial ended; its decisions about other trials since (a PBT release).</summary>
    private static IReadOnlyList<ScheduledAction> Finished(ITrialScheduler scheduler, int trial, TrialStatus status)
    {
        scheduler.OnTrialFinished(trial, status, null);
        return scheduler.TakeActions();
    }

    private static void Complete(ITrialScheduler scheduler, int trial, params double[] metrics)
    {
        for (var epoch = 1; epoch <= metrics.Length; epoch++) scheduler.Report(trial, epoch, metrics[epoch - 1], metrics.Length);
        scheduler.OnTrialFinished(trial, TrialStatus.Completed, metrics[^1]);
    }
}
