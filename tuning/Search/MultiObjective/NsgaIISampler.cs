// The NSGA-II sampler (Deb et al. 2002; the algorithm of Optuna's default multi-objective sampler, NSGAIISampler, our
// own implementation): a pure function from (sweep, search seed, suggestion index, completed observations, goals) to
// the next trial.
//
// Design.
//   - Suggestion i belongs to generation g = i / P (P the population size). Generation 0, and any generation that sees
//     no completed trial of an earlier one, draws every dimension uniformly (in the logarithm for a log dimension).
//   - Parents of generation g ≥ 1: the P best completed trials of generations < g, by front rank then crowding
//     distance (ParetoTruncation). This is NSGA-II's elitist parents-plus-offspring selection computed from the whole
//     history, with no state kept. It differs from the generational form in one way: a trial dropped from an earlier
//     population can come back when later trials change crowding distances (never by rank: more trials only worsen
//     a rank).
//   - A child: two parents by binary tournament (lower rank, then larger crowding, then lower trial index); with the
//     crossover probability, each dimension both parents have is mixed — a categorical one takes the second parent's
//     alternative with the swapping probability (½ by default), a number is SBX'd in its internal scale (the logarithm for a log dimension) within
//     its bounds and an integer rounded — otherwise the child copies the first parent; each dimension is drawn afresh
//     with the mutation probability. A dimension only one parent has is inherited from it; one neither has is drawn.
//   - Conditional spaces: every dimension of the space gets a value up front, and the space is walked as random search
//     walks it (ParameterSpace.Sample through SpaceDrawsFrom), so the trial takes only the dimensions its choices
//     activate, and a categorical mutation or crossover that switches a family brings that family's parameters from
//     whichever parent has them.
//
// Determinism rule: the result depends only on the arguments. Suggestion `index` has its own random stream derived
// from (search seed, index), which draws a fixed number of numbers per dimension in the space's order; observations
// are put in canonical order (by trial index) and those of generation ≥ g are ignored, so which later trials have
// finished does not matter. The coordinator makes suggestion i reproducible by passing the same completed trials of
// the earlier generations.
//
// It does not decide which trials are visible, convert metrics (the caller gives goals), prune, or persist.
using SweepCluster.Core;
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>NSGA-II suggestions, as a pure function of their inputs.</summary>
public static class NsgaIISampler
{
    /// <summary>Added to the suggestion index to name its generator stream ("NSGA2SUG" in ASCII).</summary>
    private const ulong SuggestionStreamBase = 0x4E_53_47_41_32_53_55_47UL;

    /// <summary>Suggestion <paramref name="index"/> of <paramref name="sweep"/>'s space.</summary>
    /// <param name="sweep">The sweep whose trial space is searched.</param>
    /// <param name="searchSeed">The sweep's search seed.</param>
    /// <param name="index">The suggestion index (≥ 0).</param>
    /// <param name="completed">Completed trials with their objective vectors, in any order; those of generation ≥ index's are ignored.</param>
    /// <param name="goals">Whether each objective is minimised or maximised.</param>
    /// <param name="settings">Options; <see cref="NsgaIISettings.Default"/> when null.</param>
    /// <exception cref="ArgumentException">Two observations of one trial, a vector of the wrong length, or a value that is not finite.</exception>
    public static NsgaIISuggestion Suggest(SweepSpec sweep, long searchSeed, int index, IReadOnlyList<NsgaIIObservation> completed,
        IReadOnlyList<MetricGoal> goals, NsgaIISettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        settings ??= NsgaIISettings.Default;
        settings.Check();
        var generation = index / settings.PopulationSize;
        var history = Canonical(completed, goals).Where(o => o.TrialIndex < generation * settings.PopulationSize).ToArray();
        var random = DeterministicRandom.ForStream(searchSeed, SuggestionStreamBase + (ulong)index);

        Dictionary<string, double> values;
        int[] parents;
        if (history.Length == 0)
        {
            values = sweep.Dimensions.ToDictionary(d => d.Key, d => SobolPoint.Scale(d, random.NextDouble()), StringComparer.Ordinal);
            parents = [];
        }
        else
        {
            var population = Population(history, goals, settings.PopulationSize);
            var first = Tournament(population, random, exclude: -1);
            var second = population.Members.Length > 1 ? Tournament(population, random, exclude: first) : first;
            var (a, b) = (population.Members[first], population.Members[second]);
            values = Child(sweep.Dimensions, a.Values, b.Values, settings, random);
            parents = [a.TrialIndex, b.TrialIndex];
        }
        var expanded = sweep.Space.Sample(new SpaceDrawsFrom(dimension => values[dimension.Key]));
        var trial = TrialConfiguration.Of(sweep, index * sweep.Seeds.Count, index, sweep.Seeds[0], expanded);
        return new NsgaIISuggestion(index, generation, expanded.Draws, trial, parents);
    }

    /// <summary>The parents: members, each one's front rank and crowding distance within the population.</summary>
    private sealed record Parents(NsgaIIObservation[] Members, int[] Ranks, double[] Crowding);

    /// <summary>The <paramref name="size"/> best of <paramref name="history"/> (canonical order), ranked among themselves.</summary>
    private static Parents Population(NsgaIIObservation[] history, IReadOnlyList<MetricGoal> goals, int size)
    {
        var rows = MinimizedObjectives.Of(history.Select(o => o.Objectives).ToArray(), goals);
        var kept = ParetoTruncation.Keep(rows, size);
        var (ranks, crowding) = ParetoTruncation.RanksAndCrowding(kept.Select(i => rows[i]).ToArray());
        return new Parents(kept.Select(i => history[i]).ToArray(), ranks, crowding);
    }

    /// <summary>Binary tournament: two distinct members other than <paramref name="exclude"/> (when there are), the better wins.</summary>
    private static int Tournament(Parents population, DeterministicRandom random, int exclude)
    {
        var candidates = Enumerable.Range(0, population.Members.Length).Where(i => i != exclude).ToArray();
        var x = candidates[random.NextInt(candidates.Length)];
        var y = candidates.Length > 1 ? candidates.Where(i => i != x).ElementAt(random.NextInt(candidates.Length - 1)) : x;
        return Better(population, x, y) ? x : y;
    }

    private static bool Better(Parents population, int x, int y)
    {
        if (population.Ranks[x] != population.Ranks[y]) return population.Ranks[x] < population.Ranks[y];
        if (population.Crowding[x] != population.Crowding[y]) return population.Crowding[x] > population.Crowding[y];
        return population.Members[x].TrialIndex < population.Members[y].TrialIndex;
    }

    /// <summary>A value for every dimension of the space, bred from parents a and b; four draws per dimension.</summary>
    private static Dictionary<string, double> Child(IReadOnlyList<SpaceDimension> dimensions, IReadOnlyDictionary<string, double> a,
        IReadOnlyDictionary<string, double> b, NsgaIISettings settings, DeterministicRandom random)
    {
        var crossover = random.NextDouble() < settings.CrossoverProbability;
        var mutation = settings.MutationProbability ?? 1.0 / Math.Max(1, a.Count);
        var child = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            var fresh = SobolPoint.Scale(dimension, random.NextDouble());
            var mutate = random.NextDouble() < mutation;
            var (spread, side) = (random.NextDouble(), random.NextDouble());
            var inA = a.TryGetValue(dimension.Key, out var fromA);
            var inB = b.TryGetValue(dimension.Key, out var fromB);
            child[dimension.Key] = (mutate, inA, inB) switch
            {
                (true, _, _) or (false, false, false) => fresh,
                (false, true, true) when crossover => Mix(dimension, fromA, fromB, settings, spread, side),
                (false, true, _) => fromA,
                _ => fromB,
            };
        }
        return child;
    }

    /// <summary>Crossover of one dimension both parents have.</summary>
    /// <param name="side">Uniform in [0, 1): a categorical dimension takes b's alternative when it is at least
    /// 1 − the swapping probability; a number, the SBX child nearer a below ½.</param>
    private static double Mix(SpaceDimension dimension, double fromA, double fromB, NsgaIISettings settings, double spread, double side)
    {
        if (dimension.IsCategorical) return side < 1 - settings.SwappingProbability ? fromA : fromB;
        var distributionIndex = settings.SbxDistributionIndex;
        var x = SimulatedBinaryCrossover.Child(TpeScale.ToInternal(dimension, fromA), TpeScale.ToInternal(dimension, fromB),
            TpeScale.Low(dimension), TpeScale.High(dimension), distributionIndex, spread, side);
        var value = TpeScale.FromInternal(dimension, x);
        return dimension.Kind == SpaceDimensionKind.Integer ? Math.Clamp(Math.Round(value), dimension.Low, dimension.High) : value;
    }

    /// <summary>Completed observations sorted by trial index, after checking them.</summary>
    private static NsgaIIObservation[] Canonical(IReadOnlyList<NsgaIIObservation> completed, IReadOnlyList<MetricGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(completed);
        MinimizedObjectives.CheckGoals(goals);
        var all = completed.OrderBy(o => o.TrialIndex).ToArray();
        foreach (var observation in all) MinimizedObjectives.Of(observation.Objectives, goals, nameof(completed));
        for (var i = 1; i < all.Length; i++)
            if (all[i].TrialIndex == all[i - 1].TrialIndex) throw new ArgumentException($"two observations of trial {all[i].TrialIndex}", nameof(completed));
        return all;
    }
}
