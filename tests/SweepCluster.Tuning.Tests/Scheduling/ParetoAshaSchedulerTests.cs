// ASHA and Hyperband ranking each rung by Pareto rank over (val_accuracy ↑, steps ↓): what each promotion rule
// promotes, what it never prunes, missing values, the reasons it gives, and its saved state.
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using SweepCluster.Tuning.Search.MultiObjective;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class ParetoAshaSchedulerTests
{
    private const int Epochs = 9;
    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Asha, MinEpochs = 1, Eta = 3 };
    private static readonly MetricSpec Steps = new(MetricName.Steps, MetricGoal.Minimize);
    private static readonly MetricSpec[] Objectives = [Accuracy, Steps];

    private static AshaScheduler Create(RungPromotion promotion = RungPromotion.Pareto, double epsilon = 0) =>
        new(Settings, Accuracy, new ParetoRungRanking(Objectives, promotion, epsilon));

    // One epoch of a trial of Epochs planned epochs whose accuracy and steps per epoch are given.
    private static TrialEpochResult At(int trial, int epoch, double? accuracy, long stepsPerEpoch, int epochs = Epochs) =>
        new(trial, trial, new EpochRecord(epoch, epoch * stepsPerEpoch, 1.0, 0.5, 1.0, accuracy, null, 0.1, 0, 32), accuracy, epochs);

    private static List<int> Continued(ITrialScheduler scheduler, IEnumerable<TrialEpochResult> results)
    {
        var continued = new List<int>();
        foreach (var result in results)
        {
            if (scheduler.OnEpoch(result).Decision == TrialDecision.Continue) continued.Add(result.TrialIndex);
            continued.AddRange(scheduler.TakeActions().Where(a => a.Decision.Decision == TrialDecision.Continue).Select(a => a.TrialIndex));
        }
        return continued;
    }

    [Fact]
    public void A_cheap_trial_the_metric_would_prune_is_promoted_by_pareto_rank()
    {
        // Accuracy alone promotes trial 0 (the most accurate); by Pareto rank trial 2 (cheapest, least accurate) is as
        // good: the rung's front is {0, 2} and only one fits (⌊3/3⌋), so crowding decides; both are boundary points,
        // the tie goes to the lower index. With six results two fit and both front trials go on.
        TrialEpochResult[] rung = [At(0, 1, 0.90, 400), At(1, 1, 0.80, 300), At(2, 1, 0.60, 100), At(3, 1, 0.70, 350), At(4, 1, 0.50, 500), At(5, 1, 0.55, 450)];
        Assert.Equal([0, 2], Continued(Create(), rung).Order());
        Assert.Equal([0, 1], Continued(new AshaScheduler(Settings, Accuracy), rung).Order());
    }

    [Fact]
    public void Pareto_front_promotion_keeps_every_trial_no_other_trial_dominates()
    {
        // Four trials on the front (0.9/400, 0.8/300, 0.6/100, 0.7/200), two dominated: ⌊6/3⌋ = 2 would cut the front;
        // pareto_front promotes all four, and prunes only the dominated, naming who dominates each.
        TrialEpochResult[] rung = [At(0, 1, 0.90, 400), At(1, 1, 0.80, 300), At(2, 1, 0.60, 100), At(3, 1, 0.70, 200), At(4, 1, 0.50, 500), At(5, 1, 0.65, 450)];
        var asha = Create(RungPromotion.ParetoFront);
        var continued = Continued(asha, rung);
        Assert.Equal([0, 1, 2, 3], continued.Order());
        Assert.Equal(2, Continued(Create(), rung).Count);
        var pruned = asha.OnIdle([4, 5]);
        Assert.All(pruned, a => Assert.Equal(TrialDecision.Stop, a.Decision.Decision));
        Assert.Contains("trial 0 dominates it", pruned[0].Decision.Reason);
        Assert.Contains("not in the rung's Pareto front or the top 1/3 by Pareto rank (val_accuracy ↑, steps ↓)", pruned[0].Decision.Reason);
        Assert.Contains("trial 0 dominates it (val_accuracy 0.9, steps 3600 against val_accuracy 0.65, steps 4050)", pruned[1].Decision.Reason);
    }

    [Fact]
    public void Steps_count_the_whole_planned_run_so_a_longer_trial_is_not_as_cheap_as_a_short_one_at_a_shared_rung()
    {
        // Same accuracy and steps at rung 1; trial 1 plans 27 epochs, trial 0 and 2 plan 9: trial 1 costs three times
        // as much and is the one dominated.
        var asha = Create(RungPromotion.ParetoFront);
        var continued = Continued(asha, [At(0, 1, 0.8, 100), At(1, 1, 0.8, 100, epochs: 27), At(2, 1, 0.5, 100)]);
        Assert.Equal([0], continued);
        Assert.Contains("trial 0 dominates it (val_accuracy 0.8, steps 900 against val_accuracy 0.8, steps 2700)", asha.OnIdle([1, 2])[0].Decision.Reason);
    }

    [Fact]
    public void Epsilon_holds_back_trials_a_result_beats_by_less_than_nothing_and_more_than_epsilon_of_the_range()
    {
        // Trial 1 is dominated by trial 0 by a hair (0.001 of an accuracy range of 0.4): with ε 0.1 nothing
        // ε-dominates it, so it is kept; with ε 0 it is not.
        TrialEpochResult[] rung = [At(0, 1, 0.901, 300), At(1, 1, 0.900, 300), At(2, 1, 0.5, 300)];
        Assert.Equal([0], Continued(Create(RungPromotion.ParetoFront), rung));
        Assert.Equal([0, 1], Continued(Create(RungPromotion.ParetoFront, 0.1), rung).Order());
    }

    [Fact]
    public void A_trial_missing_a_value_ranks_after_every_complete_one()
    {
        // Three results, one promotable: the two complete vectors both beat the one without accuracy, whatever it cost.
        TrialEpochResult[] rung = [At(0, 1, null, 10), At(1, 1, 0.4, 900), At(2, 1, double.NaN, 5)];
        Assert.Equal([1], Continued(Create(), rung));
        // Alone, missing values still fill the promotable places, lowest index first.
        Assert.Equal([0], Continued(Create(), [At(0, 1, null, 10), At(1, 1, double.NaN, 5), At(2, 1, double.PositiveInfinity, 1)]));
    }

    [Fact]
    public void Once_a_rung_is_complete_the_trials_pareto_promotion_keeps_have_all_gone_on_whatever_the_arrival_order()
    {
        var random = new Random(17);
        for (var world = 0; world < 200; world++)
        {
            var n = random.Next(3, 16);
            var rung = Enumerable.Range(0, n).Select(t => At(t, 1, Math.Round(random.NextDouble(), 2), random.Next(1, 6) * 100)).ToArray();
            foreach (var promotion in new[] { RungPromotion.Pareto, RungPromotion.ParetoFront })
            {
                var asha = Create(promotion);
                var continued = Continued(asha, rung.OrderBy(_ => random.Next()));
                var results = rung.Select(r => new RungResult(r.TrialIndex, ObjectiveVector.Of(r.Record.ValMetric!.Value, r.Record.Step))).ToArray();
                var rule = promotion == RungPromotion.Pareto ? ParetoPromotionRule.FrontPeeling : ParetoPromotionRule.FrontKeeping;
                var final = ParetoPromotion.Promotable(results, [MetricGoal.Maximize, MetricGoal.Minimize], Settings.Eta, rule, 0);
                Assert.Subset(continued.ToHashSet(), final.ToHashSet());
                if (promotion != RungPromotion.ParetoFront) continue;
                // Never pruned while undominated: every trial left paused has a dominator at the rung.
                var pruned = asha.OnIdle([.. Enumerable.Range(0, n).Except(continued)]);
                foreach (var stop in pruned)
                {
                    var own = results[stop.TrialIndex].Objectives;
                    Assert.Contains(results, other => ParetoDominance.Dominates(other.Objectives, own, [MetricGoal.Maximize, MetricGoal.Minimize]));
                }
            }
        }
    }

    [Fact]
    public void Only_rung_epochs_are_ranked_and_the_state_survives_a_reload()
    {
        var asha = Create();
        Assert.Equal(TrialDecision.Continue, asha.OnEpoch(At(0, 2, 0.9, 200)).Decision); // not a rung
        asha.OnEpoch(At(0, 1, 0.9, 400));
        asha.OnEpoch(At(1, 1, 0.8, 100));
        var snapshot = Assert.IsType<AshaSnapshot>(asha.SaveState());
        Assert.Equal([0.8, 900.0], snapshot.Vectors![0][1].ToArray()); // 100 steps per epoch, 9 epochs planned
        var reloaded = asha.Reloaded(() => Create());
        Assert.Equal(asha.OnEpoch(At(2, 1, 0.1, 900)), reloaded.OnEpoch(At(2, 1, 0.1, 900)));
        Assert.Equal(asha.TakeActions(), reloaded.TakeActions());
    }

    [Fact]
    public void Hyperband_ranks_each_brackets_rungs_by_pareto_rank()
    {
        var settings = new SchedulerSettings { Kind = SchedulerKind.Hyperband, MinEpochs = 1, Eta = 3, Brackets = 1 };
        var hyperband = new HyperbandScheduler(settings, Accuracy, new ParetoRungRanking(Objectives, RungPromotion.Pareto, 0));
        TrialEpochResult[] rung = [At(0, 1, 0.90, 400), At(1, 1, 0.80, 300), At(2, 1, 0.60, 100), At(3, 1, 0.70, 350), At(4, 1, 0.50, 500), At(5, 1, 0.55, 450)];
        Assert.Equal([0, 2], Continued(hyperband, rung).Order());
    }

    [Fact]
    public void The_ranking_needs_two_objectives_and_a_pareto_rule()
    {
        Assert.Throws<ArgumentException>(() => new ParetoRungRanking([Accuracy], RungPromotion.Pareto, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoRungRanking(Objectives, RungPromotion.Metric, 0));
    }
}
