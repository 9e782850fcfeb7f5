// The searcher and scheduler pairs SweepCluster's side of the benchmark replays.
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tabular.Replay;

/// <summary>A searcher with a scheduler, as the benchmark names it.</summary>
public enum ReplayMethod
{
    /// <summary>Random search, every trial to the full budget.</summary>
    Random,
    /// <summary>The grid in a seeded random order, every trial to the full budget.</summary>
    Grid,
    /// <summary>Random search with asynchronous successive halving (min 1 epoch, η = 3).</summary>
    RandomSuccessiveHalving,
    /// <summary>Random search with asynchronous Hyperband (min 1, max the table's epochs, η = 3).</summary>
    Hyperband,
    /// <summary>Our TPE, univariate (Optuna's default mode), every trial to the full budget.</summary>
    Tpe,
    /// <summary>Our TPE, multivariate over groups of dimensions that occur together.</summary>
    TpeMultivariate,
    /// <summary>Our univariate TPE with our Hyperband; TPE learns from the pruned trials too.</summary>
    Bohb,
}

/// <summary>Builds the searcher and scheduler of a <see cref="ReplayMethod"/> and names it as the JSON output does.</summary>
public static class ReplayMethods
{
    /// <summary>Successive halving's first rung and reduction factor (Hyperband's budgets 1, 3, 9, 27).</summary>
    public const int MinEpochs = 1;
    public const int ReductionFactor = 3;

    /// <summary>The method's name in the benchmark's JSON.</summary>
    public static string Label(ReplayMethod method) => method switch
    {
        ReplayMethod.Random => "random",
        ReplayMethod.Grid => "grid",
        ReplayMethod.RandomSuccessiveHalving => "random+sh",
        ReplayMethod.Hyperband => "hyperband",
        ReplayMethod.Tpe => "tpe",
        ReplayMethod.TpeMultivariate => "tpe-mv",
        ReplayMethod.Bohb => "bohb",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    /// <summary>The name of the same method on the Optuna side (bench/optuna/table_replay.py); null when it has none.</summary>
    public static string? OptunaLabel(ReplayMethod method) => method switch
    {
        ReplayMethod.Random => "random",
        ReplayMethod.RandomSuccessiveHalving => "random+sh",
        ReplayMethod.Hyperband => "random+hyperband",
        ReplayMethod.Tpe => "tpe",
        ReplayMethod.Bohb => "tpe+hyperband",
        _ => null,
    };

    /// <summary>A fresh searcher and scheduler for one replay of a table with <paramref name="maxEpochs"/> epochs per
    /// trial, seeded by <paramref name="seed"/> (Hyperband's bracket assignment hashes "label-seed", as Optuna's
    /// script names its studies).</summary>
    public static (ITableSearcher Searcher, ITableScheduler Scheduler) Create(ReplayMethod method, int seed, int maxEpochs) => method switch
    {
        ReplayMethod.Random => (new RandomTableSearcher(seed), new FifoTableScheduler()),
        ReplayMethod.Grid => (new GridTableSearcher(seed), new FifoTableScheduler()),
        ReplayMethod.RandomSuccessiveHalving => (new RandomTableSearcher(seed), new SuccessiveHalvingTableScheduler(MinEpochs, ReductionFactor)),
        ReplayMethod.Hyperband => (new RandomTableSearcher(seed), Hyperband(method, seed, maxEpochs)),
        ReplayMethod.Tpe => (Tpe(seed, TpeMode.Univariate), new FifoTableScheduler()),
        ReplayMethod.TpeMultivariate => (Tpe(seed, TpeMode.Multivariate), new FifoTableScheduler()),
        ReplayMethod.Bohb => (Tpe(seed, TpeMode.Univariate), Hyperband(method, seed, maxEpochs)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    private static TpeTableSearcher Tpe(int seed, TpeMode mode) => new(seed, TpeSettings.Default with { Mode = mode });

    private static HyperbandTableScheduler Hyperband(ReplayMethod method, int seed, int maxEpochs) =>
        new($"{Label(method)}-{seed}", MinEpochs, maxEpochs, ReductionFactor);
}
