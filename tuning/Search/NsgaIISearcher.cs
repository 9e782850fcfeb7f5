// The searcher of an NSGA-II sweep. Like TPE's, an NSGA-II combination depends on results: the coordinator asks for
// combination c's suggestion once every combination of the generations before c's has settled (MustSettleBefore: the
// first ⌊c / population⌋ · population combinations), passes their completed objective vectors (Suggest), stores the
// drawn values, and binds every seed's trial from them (Bind). The ISearcher methods answer with the suggestion made
// when no result is visible: generation 0's random draw, a fair sample of the space for the checks made before a sweep
// starts. The sampling itself is NsgaIISampler's. It decides neither which results are observations nor their order;
// it keeps no state.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Search;

/// <summary>NSGA-II suggestions for a sweep, and its trials bound from stored suggestions.</summary>
public sealed class NsgaIISearcher : IModelSearcher
{
    private readonly SweepSpec _sweep;

    /// <summary>A searcher over <paramref name="sweep"/>, which must use <see cref="SearchStrategy.Nsga2"/> and have objectives.</summary>
    public NsgaIISearcher(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Strategy != SearchStrategy.Nsga2) throw new ArgumentException($"sweep '{sweep.Name}' uses {sweep.Strategy} search, not NSGA-II", nameof(sweep));
        if (!sweep.IsMultiObjective) throw new ArgumentException($"sweep '{sweep.Name}' has no objectives for NSGA-II", nameof(sweep));
        _sweep = sweep;
        var nsga = sweep.NsgaII ?? NsgaIISearchSettings.Default;
        Settings = NsgaIISettings.Default with
        {
            PopulationSize = nsga.PopulationSize,
            CrossoverProbability = nsga.CrossoverProbability,
            MutationProbability = nsga.MutationProbability,
            SwappingProbability = nsga.SwappingProbability,
        };
        Goals = sweep.Objectives.Select(o => o.Goal).ToArray();
    }

    /// <summary>The sampler's options, from the spec.</summary>
    public NsgaIISettings Settings { get; }

    /// <summary>Each objective's goal, in the spec's order (the order of an observation's vector).</summary>
    public IReadOnlyList<MetricGoal> Goals { get; }

    /// <inheritdoc/>
    public int TotalTrials => _sweep.TotalTrials;

    /// <summary>Combination k learns from the generations before ⌊k / population⌋: those must have settled.</summary>
    public int MustSettleBefore(int combination) => combination / Settings.PopulationSize * Settings.PopulationSize;

    /// <summary>Trial <paramref name="index"/> as suggested with no result visible (see the file header).</summary>
    public TrialConfiguration Suggest(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalTrials);
        return Suggest(index, _sweep.CombinationOf(index), _sweep.Seeds[index % _sweep.Seeds.Count]);
    }

    /// <summary>Trial <paramref name="index"/> of combination <paramref name="combination"/> as suggested with no result visible.</summary>
    public TrialConfiguration Suggest(int index, int combination, long seed) => Bind(index, combination, seed, Suggest(combination, []).Values);

    /// <summary>Combination <paramref name="combination"/>'s suggestion from the completed combinations it may see
    /// (those of later generations are ignored).</summary>
    public NsgaIISuggestion Suggest(int combination, IReadOnlyList<NsgaIIObservation> completed) =>
        NsgaIISampler.Suggest(_sweep, _sweep.SearchSeed, combination, completed, Goals, Settings);

    /// <inheritdoc/>
    public TrialConfiguration Bind(int index, int combination, long seed, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return TrialConfiguration.Of(_sweep, index, combination, seed, _sweep.Space.Sample(new RecordedSpaceDraws(values)));
    }

    /// <inheritdoc/>
    public bool HasCombination(int combination) => combination >= 0;

    /// <inheritdoc/>
    public TrialSpec Draw(int draw) => SearchSpaceDraws.Random(_sweep, draw);
}
