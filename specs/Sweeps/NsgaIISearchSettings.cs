// The NSGA-II keys of a sweep spec's `search:` section, bound: the population size, the crossover, mutation and
// swapping probabilities, with Optuna's NSGAIISampler defaults. A plain data carrier; tuning's NsgaIISearcher and the
// coordinator act on it.
namespace SweepCluster.Specs.Sweeps;

/// <summary>The settings of an NSGA-II search (<c>search: { strategy: nsga2, ... }</c>).</summary>
/// <param name="PopulationSize">Combinations per generation, and the parents kept from the earlier generations
/// (<c>population_size</c>, default 50, as Optuna's): combination k belongs to generation ⌊k / population⌋ and is
/// suggested once every combination of the earlier generations has finished.</param>
/// <param name="CrossoverProbability">The chance that a child mixes two parents rather than copying the first
/// (<c>crossover_prob</c>, default 0.9, as Optuna's).</param>
/// <param name="MutationProbability">The chance that each parameter is drawn afresh (<c>mutation_prob</c>); null, the
/// default: 1 / the number of parameters the first parent has, as Optuna's.</param>
/// <param name="SwappingProbability">In a crossover, the chance that a choice takes the second parent's alternative
/// (<c>swapping_prob</c>, default 0.5, as Optuna's uniform crossover; numbers are mixed by simulated binary crossover).</param>
public sealed record NsgaIISearchSettings(
    int PopulationSize = NsgaIISearchSettings.DefaultPopulationSize,
    double CrossoverProbability = NsgaIISearchSettings.DefaultCrossoverProbability,
    double? MutationProbability = null,
    double SwappingProbability = NsgaIISearchSettings.DefaultSwappingProbability)
{
    /// <summary>Optuna's population_size.</summary>
    public const int DefaultPopulationSize = 50;

    /// <summary>The smallest population: a child needs two parents to choose between.</summary>
    public const int MinimumPopulationSize = 2;

    /// <summary>Optuna's crossover_prob.</summary>
    public const double DefaultCrossoverProbability = 0.9;

    /// <summary>Optuna's swapping_prob.</summary>
    public const double DefaultSwappingProbability = 0.5;

    /// <summary>The defaults.</summary>
    public static NsgaIISearchSettings Default { get; } = new();
}
