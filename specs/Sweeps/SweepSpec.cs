// The validated sweep: its own settings (name, search strategy, metric, objectives, seeds, concurrency, retries, scheduler) and
// the parameter space its trials are drawn from. It is produced only by SweepSpecLoader; it does not expand trials
// itself (the searchers do, through the internal ParameterSpace) and it does not run anything.
using SweepCluster.Core;

namespace SweepCluster.Specs.Sweeps;

/// <summary>How a sweep chooses its combinations.</summary>
public enum SearchStrategy
{
    /// <summary>Every combination of the listed values (the cartesian product), in file order.</summary>
    Grid,

    /// <summary>A fixed number of combinations drawn from distributions and lists with a seeded generator.</summary>
    Random,

    /// <summary>A fixed number of combinations, each suggested by a Tree-structured Parzen Estimator from the results
    /// of the combinations before it (Bergstra et al. 2011), after a scrambled Sobol start.</summary>
    Tpe,

    /// <summary>NSGA-II (Deb et al. 2002), written <c>nsga2</c>: a fixed number of combinations bred in generations of
    /// the population size from the completed combinations of the earlier generations, for two or more objectives.</summary>
    Nsga2,
}

/// <summary>The trial schedulers a sweep may name (<c>scheduler: { type: ... }</c>).</summary>
public enum SchedulerKind
{
    /// <summary>Every trial runs all its epochs, in index order.</summary>
    Fifo,

    /// <summary>Asynchronous successive halving: only the top 1/η of each rung goes on (Li et al. 2018).</summary>
    Asha,

    /// <summary>Median stopping: stop a trial whose best is worse than the median of completed trials' running averages.</summary>
    Median,

    /// <summary>Population-based training: the bottom of the population copies the top and perturbs (Jaderberg et al. 2017).</summary>
    Pbt,

    /// <summary>Asynchronous Hyperband: ASHA in brackets whose first rungs are min_epochs·η^s, each combination in one
    /// bracket, weighted as Hyperband weights its brackets (Li et al. 2018).</summary>
    Hyperband,
}

/// <summary>A validated sweep spec. Create it with <see cref="SweepSpecLoader"/>.</summary>
public sealed record SweepSpec
{
    internal SweepSpec(ParameterSpace space) => Space = space;

    /// <summary>1–64 characters of <c>[A-Za-z0-9._-]</c>; the sweep's folder name. Default: the file name without extension.</summary>
    public required string Name { get; init; }

    /// <summary>Grid, random, TPE or NSGA-II search.</summary>
    public required SearchStrategy Strategy { get; init; }

    /// <summary>Random, TPE or NSGA-II search: the number of combinations (<c>search.trials</c>); 0 for a grid.</summary>
    public int RandomTrials { get; init; }

    /// <summary>Random, TPE or NSGA-II search: the sampling seed (<c>search.seed</c>, default 0); 0 for a grid.</summary>
    public long SearchSeed { get; init; }

    /// <summary>TPE search: its settings (<c>search.startup_trials</c>, <c>multivariate</c>, <c>constant_liar</c>,
    /// <c>window</c>); null for other strategies.</summary>
    public TpeSearchSettings? Tpe { get; init; }

    /// <summary>NSGA-II search: its settings (<c>search.population_size</c>, <c>crossover_prob</c>,
    /// <c>mutation_prob</c>, <c>swapping_prob</c>); null for other strategies.</summary>
    public NsgaIISearchSettings? NsgaII { get; init; }

    /// <summary>Random or TPE search: the combinations to try first (<c>search.first</c>), each as the draws that
    /// reproduce it (dimension key → alternative index or number, as <see cref="Dimensions"/> name them), in file
    /// order; they count among <see cref="RandomTrials"/>. Empty when the spec gives none.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> FirstPoints { get; init; } = [];

    /// <summary>The metric trials are ranked by, with its goal.</summary>
    public required MetricSpec Metric { get; init; }

    /// <summary>A multi-objective sweep's objectives (<c>objectives:</c>), in file order, each with its goal; one of them
    /// is <see cref="Metric"/>, the primary that ranks trials. Empty for a single-objective sweep.</summary>
    public IReadOnlyList<MetricSpec> Objectives { get; init; } = [];

    /// <summary>Whether the sweep has <see cref="Objectives"/>.</summary>
    public bool IsMultiObjective => Objectives.Count > 0;

    /// <summary>The trial seeds every combination is replicated with, in order.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>Most trials running at once; 0 = every free slot of the cluster.</summary>
    public int MaxConcurrent { get; init; }

    /// <summary>How often a failed (not diverged) trial is run again.</summary>
    public int Retries { get; init; }

    /// <summary>When trials store a checkpoint (a trial on a lost silo resumes from the last one).</summary>
    public CheckpointPolicy Checkpoints { get; init; } = CheckpointPolicy.Default;

    /// <summary>The trial scheduler.</summary>
    public SchedulerKind Scheduler => SchedulerSettings.Kind;

    /// <summary>The trial scheduler with its settings (<c>scheduler:</c>).</summary>
    public SchedulerSettings SchedulerSettings { get; init; } = SchedulerSettings.Fifo;

    /// <summary>Number of hyperparameter combinations (grid: the product of the axes; random: <see cref="RandomTrials"/>).</summary>
    public required int Combinations { get; init; }

    /// <summary>Combinations × seeds: the number of trials the sweep runs.</summary>
    public int TotalTrials => Combinations * Seeds.Count;

    /// <summary>The line of each top-level key in the file, so errors found later (against the data) can point at it.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The line of the top-level key of a dotted field path such as "batch_size.initial", when known.</summary>
    public int? LineOf(string field) => KeyLines.TryGetValue(field.Split('.', '[')[0], out var line) ? line : null;

    /// <summary>The combination trial <paramref name="trialIndex"/> replicates (trial index = combination × seeds + seed position).</summary>
    public int CombinationOf(int trialIndex) => trialIndex / Seeds.Count;

    /// <summary>The spec file as given, or the source name passed to <see cref="SweepSpecLoader.Parse"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Absolute directory that relative dataset paths in the spec are relative to (on the client that reads
    /// the spec's data files; a silo never resolves them).</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>Every <c>dataset:</c> value its trials can have, as written (built-in names and file paths), in file order.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>The searched positions of the spec, in file order, with how many values each has.</summary>
    public IReadOnlyList<SweepAxis> Axes => Space.Axes;

    /// <summary>Every decision point a random draw can reach (choices and distributions, conditional ones included), in
    /// file order: what a model-based searcher such as TPE draws at.</summary>
    public IReadOnlyList<SpaceDimension> Dimensions => Space.Dimensions;

    /// <summary>The trial part of the spec with its axes and distributions.</summary>
    internal ParameterSpace Space { get; }
}

/// <summary>One searched position of a sweep spec.</summary>
/// <param name="Path">Dotted field path, e.g. "learning_rate", "learning_rate.initial", "model.hidden".</param>
/// <param name="Kind">"list" (a grid axis), "choice", "uniform [a, b)", "loguniform [a, b)" or "int [a, b]".</param>
/// <param name="ValueCount">How many alternatives the position has once nested lists are expanded; null when it
/// draws from a continuous distribution.</param>
public sealed record SweepAxis(string Path, string Kind, long? ValueCount);
