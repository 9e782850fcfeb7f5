// The searcher of a TPE sweep. Unlike a grid or random search, a TPE combination depends on results: the coordinator
// asks for combination c's suggestion (Suggest with the observations its visibility rule allows), stores the drawn
// values, and binds every seed's trial from them (Bind). The ISearcher methods answer with the suggestion made when no
// result is visible, which is exactly what the first startup_trials combinations run (points of the scrambled Sobol
// sequence) and a fair, spread-out sample of the space for the checks made before a sweep starts (its data, its
// memory, `sweep validate`'s preview). The spec's first points (search.first) are its first combinations, as given.
// It decides neither visibility nor scores; it keeps no state.
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Search;

/// <summary>TPE suggestions for a sweep, and its trials bound from stored suggestions.</summary>
public sealed class TpeSearcher : IModelSearcher
{
    private readonly SweepSpec _sweep;

    /// <summary>A searcher over <paramref name="sweep"/>, which must use <see cref="SearchStrategy.Tpe"/>.</summary>
    public TpeSearcher(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Strategy != SearchStrategy.Tpe) throw new ArgumentException($"sweep '{sweep.Name}' uses {sweep.Strategy} search, not TPE", nameof(sweep));
        _sweep = sweep;
        var tpe = sweep.Tpe ?? TpeSearchSettings.Default;
        Settings = new TpeSettings(StartupTrials: tpe.StartupTrials, Mode: tpe.Multivariate ? TpeMode.Multivariate : TpeMode.Univariate,
            ConstantLiar: tpe.ConstantLiar);
        Window = tpe.Window;
    }

    /// <summary>The sampler's options, from the spec.</summary>
    public TpeSettings Settings { get; }

    /// <summary>Combinations suggested ahead of the results they may see (<see cref="TpeSearchSettings.Window"/>).</summary>
    public int Window { get; }

    /// <inheritdoc/>
    public int TotalTrials => _sweep.TotalTrials;

    /// <summary>Trial <paramref name="index"/> as suggested with no result visible (see the file header).</summary>
    public TrialConfiguration Suggest(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalTrials);
        return Suggest(index, _sweep.CombinationOf(index), _sweep.Seeds[index % _sweep.Seeds.Count]);
    }

    /// <summary>Trial <paramref name="index"/> of combination <paramref name="combination"/> as suggested with no result visible.</summary>
    /// <remarks>Bound once, straight from the sampler's draws (the plan asks this for every trial it has not suggested yet).</remarks>
    public TrialConfiguration Suggest(int index, int combination, long seed)
    {
        if (combination < _sweep.FirstPoints.Count) return Bind(index, combination, seed, _sweep.FirstPoints[combination]);
        var (draw, _) = TpeSampler.Draws(_sweep.Dimensions, _sweep.SearchSeed, combination, [], Settings);
        return TrialConfiguration.Of(_sweep, index, combination, seed, _sweep.Space.Sample(new SpaceDrawsFrom(draw)));
    }

    /// <summary>Combination <paramref name="combination"/>'s suggestion from the results it may see.</summary>
    /// <param name="visible">Finished combinations the visibility rule shows it (completed or pruned, scores lower-better).</param>
    /// <param name="pending">Combinations suggested and not visible (the constant liar's).</param>
    /// <remarks>The spec's first points (<c>search.first</c>) are combinations 0..; they count as startup points.</remarks>
    public TpeSuggestion Suggest(int combination, IReadOnlyList<TpeObservation> visible, IReadOnlyList<TpeObservation> pending)
    {
        if (combination >= _sweep.FirstPoints.Count) return TpeSampler.Suggest(_sweep, _sweep.SearchSeed, combination, visible, pending, Settings);
        var point = _sweep.FirstPoints[combination];
        return new TpeSuggestion(combination, point, Bind(combination * _sweep.Seeds.Count, combination, _sweep.Seeds[0], point), Startup: true);
    }

    /// <summary>Combination k learns from combinations 0..k−window: those must have settled.</summary>
    public int MustSettleBefore(int combination) => combination - Window + 1;

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
