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
    /// <summary>Falkner et al.'s BOHB model with our Hyperband: TPE fitted on the results at the largest budget with at
    /// least dimensions + 1 of them (<see cref="BudgetTpeTableSearcher"/>).</summary>
    BohbBudget,
    /// <summary><see cref="BohbBudget"/> with a constant minimum of <see cref="ReplayMethods.ConstantMinResults"/> results.</summary>
    BohbBudgetMin10,
    /// <summary><see cref="BohbBudget"/> with Falkner's random fraction: a third of the proposals uniformly random.</summary>
    BohbBudgetRandomFraction,
}

/// <summary>Builds the searcher and scheduler of a <see cref="ReplayMethod"/> and names it as the JSON output does.</summary>
public static class ReplayMethods
{
    /// <summary>Successive halving's first rung and reduction factor (Hyperband's budgets 1, 3, 9, 27).</summary>
    public const int MinEpochs = 1;
    public const int ReductionFactor = 3;

    /// <summary>The constant minimum of results per budget tried against Falkner's dimensions + 1 (11 on the schedule table).</summary>
    public const int ConstantMinResults = 10;

    /// <summary>Falkner et al.'s (HpBandSter's default) share of BOHB proposals drawn uniformly at random.</summary>
    public const double FalknerRandomFraction = 1.0 / 3;

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
        ReplayMethod.BohbBudget => "bohb-budget",
        ReplayMethod.BohbBudgetMin10 => "bohb-budget-n10",
        ReplayMethod.BohbBudgetRandomFraction => "bohb-budget-rf",
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
        ReplayMethod.BohbBudget => (BudgetTpe(seed, maxEpochs, null, 0), Hyperband(method, seed, maxEpochs)),
        ReplayMethod.BohbBudgetMin10 => (BudgetTpe(seed, maxEpochs, ConstantMinResults, 0), Hyperband(method, seed, maxEpochs)),
        ReplayMethod.BohbBudgetRandomFraction => (BudgetTpe(seed, maxEpochs, null, FalknerRandomFraction), Hyperband(method, seed, maxEpochs)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown method"),
    };

    private static TpeTableSearcher Tpe(int seed, TpeMode mode) => new(seed, TpeSettings.Default with { Mode = mode });

    private static BudgetTpeTableSearcher BudgetTpe(int seed, int maxEpochs, int? minResults, double randomFraction) =>
        new(seed, TpeSettings.Default, ModelBudget.Rungs(MinEpochs, ReductionFactor, maxEpochs), minResults, randomFraction);

    private static HyperbandTableScheduler Hyperband(ReplayMethod method, int seed, int maxEpochs) =>
        new($"{Label(method)}-{seed}", MinEpochs, maxEpochs, ReductionFactor);
}
