// Proposes the trials of a grid sweep: trial index = combination × seeds + seed position, combination decoded from
// the cartesian product in file order (last axis fastest). Random access and stateless: any index can be asked in
// any order, again and again, with the same answer. It does not schedule or run trials.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

/// <summary>Every combination of a grid sweep, each replicated over the sweep's seeds.</summary>
public sealed class GridSearcher : ISearcher
{
    private readonly SweepSpec _sweep;

    /// <summary>A searcher over <paramref name="sweep"/>, which must use <see cref="SearchStrategy.Grid"/>.</summary>
    public GridSearcher(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Strategy != SearchStrategy.Grid) throw new ArgumentException($"sweep '{sweep.Name}' uses {sweep.Strategy} search, not grid", nameof(sweep));
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
        return TrialConfiguration.Of(_sweep, index, combination, _sweep.Space.Pick(combination));
    }

    /// <inheritdoc/>
    public TrialConfiguration Suggest(int index, int combination, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (!HasCombination(combination)) throw new ArgumentOutOfRangeException(nameof(combination), combination, $"a grid of {_sweep.Combinations} combinations");
        return TrialConfiguration.Of(_sweep, index, combination, seed, _sweep.Space.Pick(combination));
    }

    /// <inheritdoc/>
    public bool HasCombination(int combination) => combination >= 0 && combination < _sweep.Combinations;

    /// <inheritdoc/>
    public Core.Specs.TrialSpec Draw(int draw) => SearchSpaceDraws.Grid(_sweep, draw);
}
