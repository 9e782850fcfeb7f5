// The searcher and scheduler pairs SweepCluster's side of the benchmark replays so far.
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
}

/// <summary>Builds the searcher and scheduler of a <see cref="ReplayMethod"/> and names it as the JSON output does.</summary>
public static class ReplayMethods
{
    /// <summary>Successive halving's first rung and reduction factor (Hyperband's budgets 1, 3, 9, 27).</summary>
    public const int MinEpochs = 1;
    public const int ReductionFactor = 3;

    /// <summary>The method's name in the benchmark's JSON (Optuna's side uses the same names).</summary>
    public static string Label(ReplayMethod method) => method switch
    {
        ReplayMethod.Random => "random",
        ReplayMethod.Grid => "grid",
        ReplayMethod.RandomSuccessiveHalving => "random+sh",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    /// <summary>A fresh searcher and scheduler for one replay, seeded by <paramref name="seed"/>.</summary>
    public static (ITableSearcher Searcher, ITableScheduler Scheduler) Create(ReplayMethod method, int seed) => method switch
    {
        ReplayMethod.Random => (new RandomTableSearcher(seed), new FifoTableScheduler()),
        ReplayMethod.Grid => (new GridTableSearcher(seed), new FifoTableScheduler()),
        ReplayMethod.RandomSuccessiveHalving => (new RandomTableSearcher(seed), new SuccessiveHalvingTableScheduler(MinEpochs, ReductionFactor)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };
}
