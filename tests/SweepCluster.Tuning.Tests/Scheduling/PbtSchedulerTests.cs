using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class PbtSchedulerTests
{
    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Pbt, Interval = 2, Quantile = 0.25 };

    private static PbtScheduler Create(int population = 8, long seed = 7) => new(Settings, Accuracy, population, seed);

    private static readonly double[] Metrics = [0.5, 0.9, 0.1, 0.6, 0.8, 0.2, 0.7, 0.4];

    private static IReadOnlyList<ScheduledAction> Generation(PbtScheduler pbt, IEnumerable<int> order)
    {
        foreach (var trial in order)
        {
            var decision = pbt.Report(trial, 1, Metrics[trial], 6);
            Assert.Equal(TrialDecision.Continue, decision.Decision); // not a boundary
            Assert.Equal(TrialDecision.Pause, pbt.Report(trial, 2, Metrics[trial], 6).Decision);
        }
        return pbt.TakeActions();
    }

    [Fact]
    public void TheBottomQuantileCopiesTheTopQuantileOnceTheWholePopulationReachedTheBoundary()
    {
        var pbt = Create();
        Assert.True(pbt.IsDecisionEpoch(2, 6));
        Assert.False(pbt.IsDecisionEpoch(6, 6));
        Assert.False(pbt.IsDecisionEpoch(3, 6));
        foreach (var trial in Enumerable.Range(0, 7)) pbt.Report(trial, 2, Metrics[trial], 6);
        Assert.Empty(pbt.TakeActions()); // trial 7 is still on its way
        pbt.Report(7, 2, Metrics[7], 6);
        var actions = pbt.TakeActions();
        Assert.Equal(Enumerable.Range(0, 8), actions.Select(a => a.TrialIndex));
        Assert.All(actions, a => Assert.Equal(TrialDecision.Continue, a.Decision.Decision));
        var restarts = actions.Where(a => a.Decision.Restart is not null).Select(a => a.Decision.Restart!).ToArray();
        Assert.Equal([2, 5], restarts.Select(r => r.TrialIndex));             // 0.1 and 0.2: the bottom 25%
        Assert.All(restarts, r => Assert.Contains(r.DonorTrialIndex, new[] { 1, 4 })); // 0.9 and 0.8: the top 25%
        Assert.All(restarts, r => Assert.Equal(2, r.Epoch));
        Assert.All(restarts, r => Assert.All([r.LearningRateFactor, r.WeightDecayFactor, r.BatchSizeFactor], f => Assert.Contains(f, new[] { 0.8, 1.2 })));
        // The reason words the explore step as the report does.
        Assert.All(actions.Where(a => a.Decision.Restart is not null), a => Assert.EndsWith(
            ExploreDescription.Of(a.Decision.Restart!.LearningRateFactor, a.Decision.Restart.WeightDecayFactor, a.Decision.Restart.BatchSizeFactor, null),
            a.Decision.Reason));
    }

    [Fact]
    public void AGenerationDoesNotDependOnTheArrivalOrder()
    {
        var inOrder = Generation(Create(), Enumerable.Range(0, 8));
        var reversed = Generation(Create(), Enumerable.Range(0, 8).Reverse());
        var shuffled = Generation(Create(), [3, 6, 0, 7, 1, 5, 2, 4]);
        Assert.Equal(inOrder, reversed);
        Assert.Equal(inOrder, shuffled);
        Assert.NotEqual(inOrder, Generation(Create(seed: 8), Enumerable.Range(0, 8)).Where(a => a.Decision.Restart is not null).Concat(inOrder.Where(a => a.Decision.Restart is null)).ToArray());
    }

    [Fact]
    public void ResamplingTakesAFreshDrawNumberedByBoundaryAndTrial()
    {
        var pbt = new PbtScheduler(Settings with { ResampleProbability = 1 }, Accuracy, population: 8, seed: 7);
        var restarts = Generation(pbt, Enumerable.Range(0, 8)).Select(a => a.Decision.Restart).OfType<TrialRestart>().ToArray();

        Assert.Equal([2, 5], restarts.Select(r => r.TrialIndex));
        Assert.Equal([2 * 8 + 2, 2 * 8 + 5], restarts.Select(r => r.ResampleDraw)); // boundary 2: a draw no other event takes
        Assert.All(restarts, r => Assert.Equal((1.0, 1.0, 1.0), (r.LearningRateFactor, r.WeightDecayFactor, r.BatchSizeFactor)));
        Assert.All(restarts, r => Assert.Contains(r.DonorTrialIndex, new[] { 1, 4 }));
    }

    [Fact]
    public void AFinishedMemberNoLongerHoldsTheGenerationBackAndStateSurvivesAReload()
    {
        var pbt = Create(population: 3);
        pbt.Report(0, 2, 0.5, 6);
        var reloaded = pbt.Reloaded(() => Create(population: 3));
        reloaded.Report(1, 2, 0.7, 6);
        Assert.Empty(reloaded.TakeActions());
        reloaded.OnTrialFinished(2, TrialStatus.Diverged, null);
        var actions = reloaded.TakeActions();
        Assert.Equal([0, 1], actions.Select(a => a.TrialIndex));
        Assert.Equal(1, Assert.Single(actions, a => a.Decision.Restart is not null).Decision.Restart!.DonorTrialIndex);
        // Asked again at a released boundary (a resume from an older checkpoint): go on.
        Assert.Equal(TrialDecision.Continue, reloaded.Report(0, 2, 0.5, 6).Decision);
    }

    [Fact]
    public void ExploreScalesTheDonorsSchedulesAndResamplingKeepsCompatibleFamilies()
    {
        var donor = new TrialSpec { LearningRate = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1 }, Seed = 3 };
        var restart = new TrialRestart(5, 1, 1.2, 0.8, 1.2, 2);
        var once = PbtExplore.Apply(donor, restart);
        var twice = PbtExplore.Apply(once, restart);
        Assert.Equal(1.2, once.LearningRate.Scale);
        Assert.Equal(1.2 * 1.2, twice.LearningRate.Scale);
        Assert.Equal(0.8, once.WeightDecay.Scale);
        Assert.Equal(3, once.Seed);
        var sample = new TrialSpec { LearningRate = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.3 }, BatchSize = new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 64 } };
        var resampled = PbtExplore.Apply(donor, restart with { ResampleDraw = 4 }, sample);
        Assert.Equal(0.3, resampled.LearningRate.Initial);
        Assert.Equal(donor.BatchSize, resampled.BatchSize); // another family: the donor's stays
    }
}
