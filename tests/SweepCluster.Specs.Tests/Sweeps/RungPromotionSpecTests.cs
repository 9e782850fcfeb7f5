// The promotion: and epsilon: keys of asha and hyperband: the default each kind of sweep gets, and every mistake
// reported at its field and line with what would be valid.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class RungPromotionSpecTests
{
    private const string MultiObjective = "objectives: [val_accuracy, steps]\nepochs: 9\n";
    private const string OneMetric = "epochs: 9\n";

    [Fact]
    public void A_multi_objective_sweep_promotes_by_pareto_rank_and_a_one_metric_sweep_by_its_metric()
    {
        var pareto = Yaml(MultiObjective + "scheduler: asha\n");
        Assert.Null(pareto.SchedulerSettings.Promotion);
        Assert.Equal(RungPromotion.Pareto, pareto.SchedulerSettings.PromotionFor(pareto.IsMultiObjective));
        var metric = Yaml(OneMetric + "scheduler: asha\n");
        Assert.Equal(RungPromotion.Metric, metric.SchedulerSettings.PromotionFor(metric.IsMultiObjective));
    }

    [Theory]
    [InlineData("asha", "metric", RungPromotion.Metric)]
    [InlineData("asha", "pareto", RungPromotion.Pareto)]
    [InlineData("hyperband", "pareto_front", RungPromotion.ParetoFront)]
    public void Promotion_is_read_for_asha_and_hyperband(string type, string promotion, RungPromotion expected)
    {
        var spec = Yaml(MultiObjective + $"scheduler: {{ type: {type}, promotion: {promotion} }}\n");
        Assert.Equal(expected, spec.SchedulerSettings.PromotionFor(spec.IsMultiObjective));
    }

    [Fact]
    public void Epsilon_is_read_with_pareto_front()
    {
        var spec = Yaml(MultiObjective + "scheduler: { type: asha, promotion: pareto_front, epsilon: 0.1 }\n");
        Assert.Equal(0.1, spec.SchedulerSettings.Epsilon);
    }

    [Fact]
    public void Pareto_promotion_without_objectives_is_refused_at_the_key()
    {
        var error = At(Errors(OneMetric + "scheduler:\n  type: asha\n  promotion: pareto\n"), "scheduler.promotion");
        Assert.Equal(4, error.Line);
        Assert.Contains("add objectives: with two or more metrics", error.Message);
        Assert.Contains("leave promotion out", error.Message);
        Assert.Contains("promotion", At(Errors(OneMetric + "search: { strategy: random, trials: 4, scheduler: { type: hyperband, promotion: pareto_front } }\n"),
            "search.scheduler.promotion").Message);
    }

    [Fact]
    public void Epsilon_without_pareto_front_is_refused_and_says_which_promotion_is_in_force()
    {
        var error = At(Errors(MultiObjective + "scheduler: { type: asha, epsilon: 0.1 }\n"), "scheduler.epsilon");
        Assert.Contains("the promotion here is pareto", error.Message);
        Assert.Contains("add promotion: pareto_front", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("epsilon: -0.1", "must be in [0, 1]")]
    [InlineData("epsilon: 2", "must be in [0, 1]")]
    [InlineData("epsilon: lots", "expected a number")]
    public void A_bad_epsilon_is_refused_with_its_range(string entry, string expected)
    {
        var error = At(Errors(MultiObjective + $"scheduler: {{ type: asha, promotion: pareto_front, {entry} }}\n"), "scheduler.epsilon");
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_unknown_promotion_lists_the_valid_ones_with_a_suggestion()
    {
        var error = At(Errors(MultiObjective + "scheduler: { type: asha, promotion: paretto }\n"), "scheduler.promotion");
        Assert.Contains("unknown promotion 'paretto'", error.Message);
        Assert.Contains("Valid values: metric, pareto, pareto_front", error.Message);
        Assert.Contains("pareto", error.Message);
    }

    [Fact]
    public void Promotion_does_not_apply_to_median_stopping()
    {
        var error = At(Errors(MultiObjective + "scheduler: { type: median, promotion: pareto }\n"), "scheduler.promotion");
        Assert.Contains("'promotion' does not apply to the median scheduler", error.Message);
    }
}
