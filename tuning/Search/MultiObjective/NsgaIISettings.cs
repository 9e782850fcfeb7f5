// The options of the NSGA-II sampler, with Optuna's NSGAIISampler defaults where it has them (population 50,
// crossover probability 0.9, mutation probability 1 / the parent's parameters, swapping probability 0.5) and Deb's
// distribution index for SBX.
// Data only.
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>Options of <see cref="NsgaIISampler"/>.</summary>
/// <param name="PopulationSize">Suggestions per generation, and the parents kept from the earlier generations (≥ 2).</param>
/// <param name="CrossoverProbability">Chance that a child mixes two parents rather than copying the first, in [0, 1].</param>
/// <param name="MutationProbability">Chance that each dimension is drawn afresh, in [0, 1]; null: 1 / the number of
/// dimensions the first parent activated (Optuna's default).</param>
/// <param name="SbxDistributionIndex">η_c of simulated binary crossover on numbers (&gt; 0): larger keeps children nearer their parents.</param>
/// <param name="SwappingProbability">In a crossover, the chance that a categorical dimension takes the second parent's
/// alternative rather than the first's, in [0, 1] (Optuna's uniform crossover; numbers are mixed by SBX instead).</param>
public sealed record NsgaIISettings(int PopulationSize = NsgaIISettings.DefaultPopulationSize, double CrossoverProbability = NsgaIISettings.DefaultCrossoverProbability,
    double? MutationProbability = null, double SbxDistributionIndex = NsgaIISettings.DefaultSbxDistributionIndex,
    double SwappingProbability = NsgaIISettings.DefaultSwappingProbability)
{
    /// <summary>Optuna's population_size.</summary>
    public const int DefaultPopulationSize = 50;

    /// <summary>Optuna's crossover_prob.</summary>
    public const double DefaultCrossoverProbability = 0.9;

    /// <summary>Optuna's swapping_prob.</summary>
    public const double DefaultSwappingProbability = 0.5;

    /// <summary>η_c = 20, as in Deb et al. 2002's experiments.</summary>
    public const double DefaultSbxDistributionIndex = 20;

    public static NsgaIISettings Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A setting outside its range.</exception>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PopulationSize, 2, nameof(PopulationSize));
        if (CrossoverProbability is < 0 or > 1 || double.IsNaN(CrossoverProbability))
            throw new ArgumentOutOfRangeException(nameof(CrossoverProbability), CrossoverProbability, "a probability is in [0, 1]");
        if (MutationProbability is { } p && (p is < 0 or > 1 || double.IsNaN(p)))
            throw new ArgumentOutOfRangeException(nameof(MutationProbability), p, "a probability is in [0, 1]");
        if (SwappingProbability is < 0 or > 1 || double.IsNaN(SwappingProbability))
            throw new ArgumentOutOfRangeException(nameof(SwappingProbability), SwappingProbability, "a probability is in [0, 1]");
        if (!(SbxDistributionIndex > 0)) throw new ArgumentOutOfRangeException(nameof(SbxDistributionIndex), SbxDistributionIndex, "must be positive");
    }
}
