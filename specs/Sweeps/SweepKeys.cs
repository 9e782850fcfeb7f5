// The key names of a sweep spec's own sections (everything that is not a trial-spec key), in one place so that the
// binders, the did-you-mean suggestions and the error messages agree. Pure constants: no binding happens here.

namespace SweepCluster.Specs.Sweeps;

/// <summary>Key names of the sweep-level sections of a sweep spec.</summary>
public static class SweepKeys
{
    /// <summary>The sweep's name (a folder name).</summary>
    public const string Name = "name";

    /// <summary>The search section: <c>{ strategy, trials, seed }</c>.</summary>
    public const string Search = "search";

    /// <summary>The metric section: <c>{ name, goal }</c>.</summary>
    public const string Metric = "metric";

    /// <summary>The objectives of a multi-objective sweep: a list of metric sections or names.</summary>
    public const string Objectives = "objectives";

    /// <summary>The replicate seeds of every combination.</summary>
    public const string Seeds = "seeds";

    /// <summary>Most trials running at once (0 = every free slot).</summary>
    public const string MaxConcurrent = "max_concurrent";

    /// <summary>Re-runs of a failed trial.</summary>
    public const string Retries = "retries";

    /// <summary>A checkpoint after every N-th epoch (exclusive with <see cref="CheckpointSeconds"/>).</summary>
    public const string CheckpointEvery = "checkpoint_every";

    /// <summary>A checkpoint after the first epoch ending S seconds after the last (the default policy).</summary>
    public const string CheckpointSeconds = "checkpoint_seconds";

    /// <summary>The trial scheduler section: <c>{ type }</c>.</summary>
    public const string Scheduler = "scheduler";

    /// <summary>search: grid, random, tpe or nsga2.</summary>
    public const string Strategy = "strategy";

    /// <summary>search: the number of random combinations.</summary>
    public const string Trials = "trials";

    /// <summary>search: the random-search seed.</summary>
    public const string SearchSeed = "seed";

    /// <summary>search (random, tpe): configurations tried first, written like the spec's trial keys.</summary>
    public const string First = "first";

    /// <summary>search (tpe): combinations finished before TPE models the results.</summary>
    public const string StartupTrials = "startup_trials";

    /// <summary>search (tpe): joint kernels over parameters that occur together.</summary>
    public const string Multivariate = "multivariate";

    /// <summary>search (tpe): unfinished combinations count as bad results.</summary>
    public const string ConstantLiar = "constant_liar";

    /// <summary>search (tpe): combinations suggested ahead of the results they may see.</summary>
    public const string Window = "window";

    /// <summary>search (nsga2): combinations per generation, and the parents kept from the earlier ones.</summary>
    public const string PopulationSize = "population_size";

    /// <summary>search (nsga2): the chance that a child mixes two parents rather than copying one.</summary>
    public const string CrossoverProb = "crossover_prob";

    /// <summary>search (nsga2): the chance that each parameter is drawn afresh; null for 1 / the parameters.</summary>
    public const string MutationProb = "mutation_prob";

    /// <summary>search (nsga2): in a crossover, the chance that a choice takes the second parent's alternative.</summary>
    public const string SwappingProb = "swapping_prob";

    /// <summary>metric: the metric's name.</summary>
    public const string MetricName = "name";

    /// <summary>metric: minimize or maximize.</summary>
    public const string Goal = "goal";

    /// <summary>scheduler: the scheduler's name.</summary>
    public const string SchedulerType = "type";

    /// <summary>The sweep-level keys, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> TopLevel = [Name, Search, Metric, Objectives, Seeds, MaxConcurrent, Retries, Scheduler, CheckpointEvery, CheckpointSeconds];

    /// <summary><see cref="TopLevel"/> as a set (for <see cref="TrialSpecBinder"/>'s ignored keys).</summary>
    public static readonly IReadOnlySet<string> TopLevelSet = new HashSet<string>(TopLevel, StringComparer.Ordinal);

    /// <summary>Keys of the search section.</summary>
    public static readonly IReadOnlyList<string> SearchKeys = [Strategy, Trials, SearchSeed, First, StartupTrials, Multivariate, ConstantLiar, Window,
        PopulationSize, CrossoverProb, MutationProb, SwappingProb, Scheduler];

    /// <summary>Keys of the search section that only TPE reads.</summary>
    public static readonly IReadOnlyList<string> TpeKeys = [StartupTrials, Multivariate, ConstantLiar, Window];

    /// <summary>Keys of the search section that only NSGA-II reads.</summary>
    public static readonly IReadOnlyList<string> NsgaIIKeys = [PopulationSize, CrossoverProb, MutationProb, SwappingProb];

    /// <summary>Keys of the metric section, and of each entry of <see cref="Objectives"/>.</summary>
    public static readonly IReadOnlyList<string> MetricKeys = [MetricName, Goal];

    /// <summary>asha, hyperband: the first rung's epochs.</summary>
    public const string MinEpochs = "min_epochs";

    /// <summary>asha, hyperband: the reduction factor η.</summary>
    public const string Eta = "eta";

    /// <summary>asha, hyperband: how a rung ranks its trials (metric, pareto, pareto_front).</summary>
    public const string Promotion = "promotion";

    /// <summary>asha, hyperband with promotion pareto_front: the fraction of an objective's range treated as decisive.</summary>
    public const string Epsilon = "epsilon";

    /// <summary>hyperband: the number of brackets.</summary>
    public const string Brackets = "brackets";

    /// <summary>median: epochs before any trial may be stopped.</summary>
    public const string GraceEpochs = "grace_epochs";

    /// <summary>median: completed trials needed before the rule applies.</summary>
    public const string MinTrials = "min_trials";

    /// <summary>pbt: epochs between exploit/explore steps.</summary>
    public const string Interval = "interval";

    /// <summary>pbt: the fraction of the population that is the top and the bottom.</summary>
    public const string Quantile = "quantile";

    /// <summary>pbt: the perturbation factors.</summary>
    public const string Factors = "factors";

    /// <summary>pbt: the chance that explore resamples from the spec instead of perturbing.</summary>
    public const string ResampleProbability = "resample_probability";

    /// <summary>Keys of the scheduler section, for any type.</summary>
    public static readonly IReadOnlyList<string> SchedulerKeys = [SchedulerType, MinEpochs, Eta, Promotion, Epsilon, Brackets, GraceEpochs, MinTrials, Interval, Quantile, Factors, ResampleProbability];

    /// <summary>The keys each scheduler type accepts (besides type).</summary>
    public static IReadOnlyList<string> SchedulerKeysFor(SchedulerKind kind) => kind switch
    {
        SchedulerKind.Asha => [MinEpochs, Eta, Promotion, Epsilon],
        SchedulerKind.Hyperband => [MinEpochs, Eta, Brackets, Promotion, Epsilon],
        SchedulerKind.Median => [GraceEpochs, MinTrials],
        SchedulerKind.Pbt => [Interval, Quantile, Factors, ResampleProbability],
        _ => [],
    };

    /// <summary>The trial-spec keys a sweep may vary (every trial key except <c>seed</c>, which <see cref="Seeds"/> replaces).</summary>
    public static readonly IReadOnlySet<string> TrialKeys =
        new HashSet<string>(TrialSpecBinder.Keys.Where(k => k != TrialSpecBinder.Seed), StringComparer.Ordinal);
}
