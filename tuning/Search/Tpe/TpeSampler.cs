// The Tree-structured Parzen Estimator searcher (Bergstra et al. 2011; the algorithm of Optuna's TPESampler, our own
// implementation): a pure function from (sweep, search seed, suggestion index, visible observations, pending trials)
// to the next trial. Propose is the same function over a bare list of dimensions whose conditional structure the caller
// states (the tabular benchmark's replay of this sampler).
//
// Design.
//   - The space is walked as random search walks it (ParameterSpace.Sample), but every decision point (a choice's
//     alternative, a distribution's number) asks a draw source, keyed by the point's file path, so a schedule family's
//     own parameters are dimensions of their own and a trial has only the dimensions its choices activated.
//   - Startup: until StartupTrials trials are finished (completed or pruned), suggestion i is point i of a Sobol
//     sequence scrambled from the search seed (SobolPoint), spread evenly over the whole space.
//   - Then TPE: the observations are split into good and bad (TpeObservationSplit: Optuna's default gamma; pending
//     trials are bad, the constant liar, so concurrent suggestions differ); univariate mode proposes each dimension on
//     its own when the walk reaches it; multivariate mode first proposes every group of dimensions that occur
//     together (TpeGroups) jointly, and the walk takes those values, falling back to univariate for a dimension in
//     no group. Each proposal is TpeGroupProposal: argmax of l(x)/g(x) over 24 candidates drawn from l.
//
// Determinism rule: the result depends only on the arguments. The random stream of suggestion `index` is derived from
// (search seed, index) alone; observations are put in canonical order (by trial index) before use, so their order
// as passed does not matter; nothing is cached between calls, and no clock or arrival order is read. The coordinator
// makes trial k's suggestion reproducible by passing exactly the observations a fixed rule says trial k sees.
//
// It does not decide which trials are visible, convert metrics to scores (lower is better here), schedule, or persist.
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Tree-structured Parzen Estimator suggestions, as a pure function of their inputs.</summary>
public static class TpeSampler
{
    /// <summary>Added to the suggestion index to name its generator stream ("TPESUGG" in ASCII).</summary>
    private const ulong SuggestionStreamBase = 0x54_50_45_53_55_47_47_00UL;

    /// <summary>Suggestion <paramref name="index"/> of <paramref name="sweep"/>'s space.</summary>
    /// <param name="sweep">The sweep whose trial space is searched.</param>
    /// <param name="searchSeed">The sweep's search seed.</param>
    /// <param name="index">The suggestion index (≥ 0): names the random stream and the Sobol point.</param>
    /// <param name="visible">The finished trials this suggestion may learn from (completed or pruned), in any order.</param>
    /// <param name="pending">The trials suggested and not finished, in any order (their scores are ignored).</param>
    /// <param name="settings">Options; <see cref="TpeSettings.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An observation has the wrong state or a NaN score, or two share a trial index.</exception>
    public static TpeSuggestion Suggest(SweepSpec sweep, long searchSeed, int index, IReadOnlyList<TpeObservation> visible,
        IReadOnlyList<TpeObservation> pending, TpeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var (draw, startup) = Draws(sweep.Dimensions, searchSeed, index, Canonical(visible, pending), settings ?? TpeSettings.Default);
        var expanded = sweep.Space.Sample(new SpaceDrawsFrom(draw));
        var trial = TrialConfiguration.Of(sweep, index * sweep.Seeds.Count, index, sweep.Seeds[0], expanded);
        return new TpeSuggestion(index, expanded.Draws, trial, startup);
    }

    /// <summary>Suggestion <paramref name="index"/> over a plain list of dimensions, for a caller that walks its own
    /// (conditional) space: the dimensions are visited in order and each one <paramref name="isActive"/> accepts, given
    /// the values chosen so far, is drawn exactly as <see cref="Suggest"/>'s walk would draw it.</summary>
    /// <param name="dimensions">The space's dimensions, every parent before the dimensions it switches on.</param>
    /// <param name="searchSeed">The search seed.</param>
    /// <param name="index">The suggestion index (≥ 0): names the random stream and the Sobol point.</param>
    /// <param name="visible">The finished trials this suggestion may learn from (completed or pruned), in any order.</param>
    /// <param name="pending">The trials suggested and not finished, in any order (their scores are ignored).</param>
    /// <param name="isActive">Whether a dimension exists given the values drawn so far (by key).</param>
    /// <param name="settings">Options; <see cref="TpeSettings.Default"/> when null.</param>
    /// <returns>The value of each active dimension by key (an alternative index or a number), and whether it is a startup point.</returns>
    /// <exception cref="ArgumentException">An observation has the wrong state or a NaN score, or two share a trial index.</exception>
    public static (IReadOnlyDictionary<string, double> Values, bool Startup) Propose(IReadOnlyList<SpaceDimension> dimensions, long searchSeed, int index,
        IReadOnlyList<TpeObservation> visible, IReadOnlyList<TpeObservation> pending, Func<SpaceDimension, IReadOnlyDictionary<string, double>, bool> isActive,
        TpeSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(isActive);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var (draw, startup) = Draws(dimensions, searchSeed, index, Canonical(visible, pending), settings ?? TpeSettings.Default);
        var source = new SpaceDrawsFrom(draw);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            if (!isActive(dimension, values)) continue;
            values[dimension.Key] = dimension.IsCategorical ? source.ChooseAlternative(dimension) : source.DrawNumber(dimension);
        }
        return (values, startup);
    }

    /// <summary>The draw at each dimension for suggestion <paramref name="index"/>, and whether it is a startup point.</summary>
    internal static (Func<SpaceDimension, double> Draw, bool Startup) Draws(IReadOnlyList<SpaceDimension> dimensions, long searchSeed, int index,
        IReadOnlyList<TpeObservation> observations, TpeSettings settings)
    {
        var random = DeterministicRandom.ForStream(searchSeed, SuggestionStreamBase + (ulong)index);
        var finished = observations.Where(o => o.State != TpeTrialState.Pending).ToArray();
        if (finished.Length < settings.StartupTrials) return (SobolPoint.Draws(dimensions, searchSeed, index, random), true);

        var (good, bad) = TpeObservationSplit.Split(settings.ConstantLiar ? observations : finished);
        var joint = settings.Mode == TpeMode.Multivariate
            ? JointProposals(dimensions, finished, good, bad, settings, random)
            : new Dictionary<string, double>(StringComparer.Ordinal);
        return (dimension => joint.TryGetValue(dimension.Key, out var value)
            ? value
            : TpeGroupProposal.Propose([dimension], good, bad, settings with { Mode = TpeMode.Univariate }, random)[dimension.Key], false);
    }

    /// <summary>Every group's joint proposal, groups in the space's order.</summary>
    private static Dictionary<string, double> JointProposals(IReadOnlyList<SpaceDimension> dimensions, IReadOnlyList<TpeObservation> finished,
        IReadOnlyList<TpeObservation> good, IReadOnlyList<TpeObservation> bad, TpeSettings settings, DeterministicRandom random)
    {
        var byKey = dimensions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var order = dimensions.Select((d, i) => (d.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var joint = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in TpeGroups.Of(finished.Select(o => o.Values.Keys.Where(byKey.ContainsKey)), order))
        {
            foreach (var (key, value) in TpeGroupProposal.Propose(group.Select(key => byKey[key]).ToArray(), good, bad, settings, random)) joint[key] = value;
        }
        return joint;
    }

    /// <summary>Visible and pending observations together, sorted by trial index, after checking their states.</summary>
    private static IReadOnlyList<TpeObservation> Canonical(IReadOnlyList<TpeObservation> visible, IReadOnlyList<TpeObservation> pending)
    {
        ArgumentNullException.ThrowIfNull(visible);
        ArgumentNullException.ThrowIfNull(pending);
        if (visible.Any(o => o.State == TpeTrialState.Pending)) throw new ArgumentException("visible observations must be completed or pruned", nameof(visible));
        if (pending.Any(o => o.State != TpeTrialState.Pending)) throw new ArgumentException("pending trials must have the pending state", nameof(pending));
        if (visible.FirstOrDefault(o => double.IsNaN(o.Score)) is { } unscored)
            throw new ArgumentException($"trial {unscored.TrialIndex} has no score (NaN); leave failed or diverged trials out, or give them +∞", nameof(visible));
        var all = visible.Concat(pending).OrderBy(o => o.TrialIndex).ToArray();
        for (var i = 1; i < all.Length; i++)
        {
            if (all[i].TrialIndex == all[i - 1].TrialIndex) throw new ArgumentException($"two observations of trial {all[i].TrialIndex}", nameof(visible));
        }
        return all;
    }
}
