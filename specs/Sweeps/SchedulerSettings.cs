// The `scheduler:` section of a sweep spec, bound: which scheduler and its settings. Defaults are the papers' (ASHA:
// η = 3 from the first epoch; median stopping as in Google Vizier / Ray Tune; PBT: bottom and top 25%, factors
// 0.8 / 1.2 as in Jaderberg et al. 2017). A plain data carrier; tuning's TrialSchedulerFactory makes the scheduler.
namespace SweepCluster.Specs.Sweeps;

/// <summary>A sweep's trial scheduler and its settings; only the keys of <see cref="Kind"/> are meaningful.</summary>
public sealed record SchedulerSettings
{
    /// <summary>FIFO: every trial runs to the end.</summary>
    public static SchedulerSettings Fifo { get; } = new();

    public SchedulerKind Kind { get; init; } = SchedulerKind.Fifo;

    /// <summary>asha: epochs of the first rung; rungs are at min_epochs·η^k below the trial's epochs.</summary>
    public int MinEpochs { get; init; } = 1;

    /// <summary>asha: the reduction factor η: the top 1/η of each rung is promoted.</summary>
    public int Eta { get; init; } = 3;

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
}
