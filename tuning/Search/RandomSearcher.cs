// Proposes the trials of a random sweep: combination c is drawn from its own xoshiro256** stream derived from
// (search seed, c), so every draw is fixed by the seed alone — Suggest is random access, stable across calls and
// processes, and raising `trials` keeps the earlier combinations. Trial index = combination × seeds + seed position.
// The spec's first points (search.first) are combinations 0.. as given; the draws of the others do not move.
// It does not adapt to results (no Bayesian search).
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

/// <summary>Seeded random combinations of a random sweep, each replicated over the sweep's seeds.</summary>
public sealed class RandomSearcher : ISearcher
{
    private readonly SweepSpec _sweep;

    /// <summary>A searcher over <paramref name="sweep"/>, which must use <see cref="SearchStrategy.Random"/>.</summary>
    public RandomSearcher(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Strategy != SearchStrategy.Random) throw new ArgumentException($"sweep '{sweep.Name}' uses {sweep.Strategy} search, not random", nameof(sweep));
        _sweep = sweep;
    }

    /// <inheritdoc/>
    public int TotalTrials => _sweep.TotalTrials;

    /// <inheritdoc/>
    public TrialConfiguration Suggest(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalTrials);
        var combination = _sweep.CombinationOf(index);
        return TrialConfiguration.Of(_sweep, index, combination, Combination(combination));
    }

    /// <inheritdoc/>
    public TrialConfiguration Suggest(int index, int combination, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(combination);
        return TrialConfiguration.Of(_sweep, index, combination, seed, Combination(combination));
    }

    /// <summary>Combination <paramref name="combination"/>: one of the spec's first points, else its own draw.</summary>
    private ExpandedTrial Combination(int combination) => combination < _sweep.FirstPoints.Count
        ? _sweep.Space.Sample(new RecordedSpaceDraws(_sweep.FirstPoints[combination]))
        : _sweep.Space.Sample(_sweep.SearchSeed, combination);

    /// <inheritdoc/>
    public bool HasCombination(int combination) => combination >= 0;

    /// <inheritdoc/>
    public Core.Specs.TrialSpec Draw(int draw) => SearchSpaceDraws.Random(_sweep, draw);
}
