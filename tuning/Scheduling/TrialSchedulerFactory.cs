// Chooses the trial scheduler a sweep spec names. Nothing else.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Creates the <see cref="ITrialScheduler"/> of a sweep.</summary>
public static class TrialSchedulerFactory
{
    public static ITrialScheduler Create(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var settings = sweep.SchedulerSettings;
        return settings.Kind switch
        {
            SchedulerKind.Fifo => new FifoScheduler(),
            SchedulerKind.Asha => new AshaScheduler(settings, sweep.Metric, ParetoRankingOf(sweep)),
            SchedulerKind.Median => new MedianStoppingScheduler(settings, sweep.Metric),
            SchedulerKind.Hyperband => new HyperbandScheduler(settings, sweep.Metric, ParetoRankingOf(sweep)),
            SchedulerKind.Pbt => new PbtScheduler(settings, sweep.Metric, sweep.TotalTrials, sweep.SearchSeed),
            _ => throw new ArgumentOutOfRangeException(nameof(sweep), settings.Kind, "unknown scheduler"),
        };
    }

    /// <summary>The Pareto ranking of a successive-halving sweep whose rungs rank by the objectives; null: by the metric.</summary>
    public static ParetoRungRanking? ParetoRankingOf(SweepSpec sweep)
    {
        var promotion = sweep.SchedulerSettings.PromotionFor(sweep.IsMultiObjective);
        return promotion == RungPromotion.Metric ? null : new ParetoRungRanking(sweep.Objectives, promotion, sweep.SchedulerSettings.Epsilon);
    }
}
