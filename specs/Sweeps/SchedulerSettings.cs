// The `scheduler:` section of a sweep spec, bound: which scheduler and its settings. Defaults are the papers' (ASHA:
// η = 3 from the first epoch; median stopping as in Google Vizier / Ray Tune; PBT: bottom and top 25%, factors
// 0.8 / 1.2 as in Jaderberg et al. 2017; Hyperband: every bracket the epochs allow, at most five, as in Li et al.'s
// example with R = 81 and η = 3). A data carrier with the rung arithmetic its checks share; tuning's
// TrialSchedulerFactory makes the scheduler.
namespace SweepCluster.Specs.Sweeps;

/// <summary>A sweep's trial scheduler and its settings; only the keys of <see cref="Kind"/> are meaningful.</summary>
public sealed record SchedulerSettings
{
    /// <summary>FIFO: every trial runs to the end.</summary>
    public static SchedulerSettings Fifo { get; } = new();

    public SchedulerKind Kind { get; init; } = SchedulerKind.Fifo;

    /// <summary>
    /// hyperband without <c>brackets</c>: at most this many brackets. The conservative brackets' share of the trials
    /// falls as η^−s: with η = 3 the fifth gets 5 of every 143 combinations, a sixth would get 6 of 415.
    /// </summary>
    public const int DefaultMostBrackets = 5;

    /// <summary>asha, hyperband: epochs of the first rung; rungs are at min_epochs·η^k below the trial's epochs.</summary>
    public int MinEpochs { get; init; } = 1;

    /// <summary>asha, hyperband: the reduction factor η: the top 1/η of each rung is promoted.</summary>
    public int Eta { get; init; } = 3;

    /// <summary>asha, hyperband: how a rung ranks its trials; null: by Pareto rank in a multi-objective sweep, else by
    /// the ranking metric (<see cref="PromotionFor"/>).</summary>
    public RungPromotion? Promotion { get; init; }

    /// <summary>asha, hyperband with <see cref="RungPromotion.ParetoFront"/>: a trial is held back only when another
    /// result of its rung is better by more than this fraction of an objective's range at the rung (0: dominance).</summary>
    public double Epsilon { get; init; }

    /// <summary>The promotion rule in force for a sweep that is (or is not) <paramref name="multiObjective"/>.</summary>
    public RungPromotion PromotionFor(bool multiObjective) =>
        Promotion ?? (multiObjective ? RungPromotion.Pareto : RungPromotion.Metric);

    /// <summary>hyperband: how many brackets; null: as many as the trial's epochs allow, at most <see cref="DefaultMostBrackets"/>.</summary>
    public int? Brackets { get; init; }

    /// <summary>median: no trial is stopped at or before this epoch.</summary>
    public int GraceEpochs { get; init; } = 1;

    /// <summary>median: the rule applies once this many completed trials reached the epoch.</summary>
    public int MinTrials { get; init; } = 3;

    /// <summary>pbt: exploit and explore every this many epochs.</summary>
    public int Interval { get; init; } = 1;

    /// <summary>pbt: the bottom and the top fraction of the population.</summary>
    public double Quantile { get; init; } = 0.25;

    /// <summary>pbt: each perturbed hyperparameter is multiplied by one of these, drawn uniformly.</summary>
    public IReadOnlyList<double> Factors { get; init; } = [0.8, 1.2];

    /// <summary>pbt: the chance that explore takes the schedules of a fresh draw from the search space instead of perturbing.</summary>
    public double ResampleProbability { get; init; }

    /// <summary>The number of rungs min_epochs·η^k below <paramref name="epochs"/> (ASHA's rungs of such a trial).</summary>
    public int RungsBelow(int epochs)
    {
        var rungs = 0;
        for (long rung = MinEpochs; rung < epochs; rung *= Eta) rungs++;
        return rungs;
    }

    /// <summary>hyperband: the most brackets a trial of <paramref name="epochs"/> epochs can have: one per rung, each
    /// starting one rung later, and a last one with no rung at all (full training).</summary>
    public int MostBrackets(int epochs) => RungsBelow(epochs) + 1;
}
