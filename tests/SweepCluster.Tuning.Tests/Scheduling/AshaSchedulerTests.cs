using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class AshaSchedulerTests
{
    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Asha, MinEpochs = 1, Eta = 3 };

    private static AshaScheduler Create() => new(Settings, Accuracy);

    [Fact]
    public void RungsAreAtMinEpochsTimesEtaToTheKBelowTheEpochs()
    {
        Assert.Equal([1, 3, 9], Create().Rungs(27));
        Assert.Equal([1, 3, 9], Create().Rungs(10));
        Assert.Equal([2, 6], new AshaScheduler(Settings with { MinEpochs = 2 }, Accuracy).Rungs(18));
        Assert.True(Create().IsDecisionEpoch(3, 27));
        Assert.False(Create().IsDecisionEpoch(2, 27));
        Assert.False(Create().IsDecisionEpoch(27, 27));
    }

    [Fact]
    public void PromotionIsDecidedAsResultsArriveWithoutWaitingForAFullRung()
    {
        var asha = Create();
        // ⌊1/3⌋ = ⌊2/3⌋ = 0 promotable: the first two pause.
        Assert.Equal(TrialDecision.Pause, asha.Report(0, 1, 0.50, 9).Decision);
        Assert.Equal(TrialDecision.Pause, asha.Report(1, 1, 0.70, 9).Decision);
        // The third result makes one promotable: the best of three, trial 1, is resumed; trial 2 pauses.
        Assert.Equal(TrialDecision.Pause, asha.Report(2, 1, 0.60, 9).Decision);
        var resumed = Assert.Single(asha.TakeActions());
        Assert.Equal((1, TrialDecision.Continue), (resumed.TrialIndex, resumed.Decision.Decision));
        // Trials 3-5: the sixth result opens a second promotion; trial 5 is the best unpromoted and goes on at once.
        Assert.Equal(TrialDecision.Pause, asha.Report(3, 1, 0.10, 9).Decision);
        Assert.Equal(TrialDecision.Pause, asha.Report(4, 1, 0.20, 9).Decision);
        Assert.Equal(TrialDecision.Continue, asha.Report(5, 1, 0.90, 9).Decision);
        Assert.Empty(asha.TakeActions());
        // Non-rung epochs are not decisions.
        Assert.Equal(TrialDecision.Continue, asha.Report(5, 2, 0.95, 9).Decision);
    }

    [Fact]
    public void PausedTrialsArePrunedWhenTheSweepRunsDry()
    {
        var asha = Create();
        double[] metrics = [0.3, 0.9, 0.1, 0.5, 0.8, 0.2, 0.7, 0.4, 0.6];
        var continued = new List<int>();
        for (var trial = 0; trial < metrics.Length; trial++)
        {
            if (asha.Report(trial, 1, metrics[trial], 9).Decision == TrialDecision.Continue) continued.Add(trial);
            continued.AddRange(asha.TakeActions().Where(a => a.Decision.Decision == TrialDecision.Continue).Select(a => a.TrialIndex));
        }
        Assert.Equal(3, continued.Count); // ⌊9/3⌋ in this order (others promote more: see below)
        var paused = Enumerable.Range(0, 9).Except(continued).ToArray();
        var idle = asha.OnIdle(paused);
        Assert.Equal(paused, idle.Select(a => a.TrialIndex));
        Assert.All(idle, a => Assert.Equal(TrialDecision.Stop, a.Decision.Decision));
        Assert.All(idle, a => Assert.Contains("rung 0 (epoch 1)", a.Decision.Reason));
    }

    // Whatever the order: each promotion is of a trial in the top ⌊m/η⌋ of the m results in at that moment, and once
    // the rung is complete its top ⌊n/η⌋ have all been promoted. How many more leave depends on the order (below).
    [Fact]
    public void EveryPromotionIsInTheTopThirdSoFarAndTheFinalTopThirdAlwaysLeaves()
    {
        double[] metrics = [0.3, 0.9, 0.1, 0.5, 0.8, 0.2, 0.7, 0.4, 0.6];
        int[][] orders = [[.. Enumerable.Range(0, 9)], [.. Enumerable.Range(0, 9).Reverse()], [4, 0, 8, 2, 6, 1, 3, 7, 5], [2, 5, 0, 7, 3, 8, 6, 4, 1]];
        foreach (var order in orders)
        {
            var asha = Create();
            var promoted = new List<int>();
            var arrived = new List<int>();
            foreach (var trial in order)
            {
                arrived.Add(trial);
                var now = new List<int>();
                if (asha.Report(trial, 1, metrics[trial], 9).Decision == TrialDecision.Continue) now.Add(trial);
                now.AddRange(asha.TakeActions().Where(a => a.Decision.Decision == TrialDecision.Continue).Select(a => a.TrialIndex));
                var topSoFar = arrived.OrderByDescending(t => metrics[t]).Take(arrived.Count / 3).ToHashSet();
                Assert.All(now, t => Assert.Contains(t, topSoFar));
                promoted.AddRange(now);
            }
            Assert.Equal(promoted.Count, promoted.Distinct().Count());
            var finalTop = Enumerable.Range(0, 9).OrderByDescending(t => metrics[t]).Take(3);
            Assert.All(finalTop, t => Assert.Contains(t, promoted));
        }
    }

    // The price of never waiting (Li et al. 2018): results that arrive from worst to best promote early trials on few
    // results and then the better ones too — 7 of 9 leave rung 0 here; best first, exactly ⌊9/3⌋ = 3 do.
    [Fact]
    public void HowManyLeaveARungDependsOnTheArrivalOrder()
    {
        double[] metrics = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
        int Promotions(IEnumerable<int> order)
        {
            var asha = Create();
            var promoted = 0;
            foreach (var trial in order)
            {
                if (asha.Report(trial, 1, metrics[trial], 9).Decision == TrialDecision.Continue) promoted++;
                promoted += asha.TakeActions().Count;
            }
            return promoted;
        }
        Assert.Equal(7, Promotions(Enumerable.Range(0, 9)));
        Assert.Equal(3, Promotions(Enumerable.Range(0, 9).Reverse()));
    }

    [Fact]
    public void AReportedAgainRungGetsTheSameAnswerAndStateSurvivesAReload()
    {
        var asha = Create();
        asha.Report(0, 1, 0.5, 9);
        asha.Report(1, 1, 0.6, 9);
        asha.Report(2, 1, 0.9, 9); // promoted
        var reloaded = asha.Reloaded(Create);
        Assert.Equal(TrialDecision.Continue, reloaded.Report(2, 1, 0.9, 9).Decision);
        Assert.Equal(TrialDecision.Pause, reloaded.Report(3, 1, 0.1, 9).Decision);
        Assert.Equal(3, reloaded.OnIdle([0, 1, 3]).Count);
    }

    [Fact]
    public void MissingOrNonFiniteMetricsRankLast()
    {
        var asha = Create();
        asha.Report(0, 1, double.NaN, 9);
        asha.Report(1, 1, null, 9);
        Assert.Equal(TrialDecision.Continue, asha.Report(2, 1, 0.01, 9).Decision);
        var minimize = new AshaScheduler(Settings, new MetricSpec(MetricName.ValLoss, MetricGoal.Minimize));
        minimize.Report(0, 1, 0.2, 9);
        minimize.Report(1, 1, 0.5, 9);
        Assert.Equal(TrialDecision.Pause, minimize.Report(2, 1, 0.3, 9).Decision);
        Assert.Equal(0, Assert.Single(minimize.TakeActions()).TrialIndex);
    }
}
