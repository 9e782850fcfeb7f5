// Binds the NSGA-II keys of a sweep spec's `search:` section (population_size, crossover_prob, mutation_prob,
// swapping_prob) once the strategy is known: with strategy nsga2 into NsgaIISearchSettings, each with its rule; with
// any other strategy each one given is an error saying it applies to nsga2 only (StrategyKeys). It also refuses nsga2 without objectives: NSGA-II ranks
// trials by Pareto fronts of two or more objectives. It does not bind strategy, trials or seed.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

internal static class NsgaIISettingsBinder
{
    /// <summary>The NSGA-II settings of <paramref name="search"/>; null when <paramref name="strategy"/> is not NSGA-II.</summary>
    public static NsgaIISearchSettings? Bind(SpecBindContext ctx, SpecMapping search, SearchStrategy strategy)
    {
        if (StrategyKeys.Given(ctx, search, SweepKeys.NsgaIIKeys, SearchStrategy.Nsga2, strategy) is not { } given) return null;
        var settings = NsgaIISearchSettings.Default;
        foreach (var item in given)
        {
            var path = SpecPath.Key(SweepKeys.Search, item.Key);
            switch (item.Key)
            {
                case SweepKeys.PopulationSize:
                    if (SpecValues.TryInt(ctx, item.Value, path, out var population)
                        && SpecValues.Check(ctx, population >= NsgaIISearchSettings.MinimumPopulationSize, item.Value, path,
                            $"must be >= {NsgaIISearchSettings.MinimumPopulationSize} (combinations per generation; default {NsgaIISearchSettings.DefaultPopulationSize})", population))
                        settings = settings with { PopulationSize = population };
                    break;
                case SweepKeys.CrossoverProb:
                    if (TryProbability(ctx, item, path, $"default {NsgaIISearchSettings.DefaultCrossoverProbability}") is { } crossover)
                        settings = settings with { CrossoverProbability = crossover };
                    break;
                case SweepKeys.SwappingProb:
                    if (TryProbability(ctx, item, path, $"default {NsgaIISearchSettings.DefaultSwappingProbability}") is { } swapping)
                        settings = settings with { SwappingProbability = swapping };
                    break;
                case SweepKeys.MutationProb:
                    if (item.Value is SpecScalar { IsNull: true }) break; // null: 1 / the number of parameters, the default
                    if (TryProbability(ctx, item, path, "default null: 1 / the number of parameters") is { } mutation)
                        settings = settings with { MutationProbability = mutation };
                    break;
            }
        }
        return settings;
    }

    /// <summary>Reports strategy nsga2 without <c>objectives:</c>, at <c>search.strategy</c>.</summary>
    /// <param name="search">The <c>search:</c> entry, or null.</param>
    /// <param name="objectives">The <c>objectives:</c> entry, or null.</param>
    public static void CheckObjectives(SpecBindContext ctx, SpecEntry? search, SearchStrategy strategy, SpecEntry? objectives)
    {
        if (strategy != SearchStrategy.Nsga2 || objectives is not null || search is null) return;
        var (path, line) = search.Value is SpecMapping mapping && mapping.Find(SweepKeys.Strategy) is { } entry
            ? (SpecPath.Key(SweepKeys.Search, SweepKeys.Strategy), entry.KeyLine)
            : (SweepKeys.Search, search.KeyLine);
        ctx.Error(path, line,
            $"nsga2 searches two or more objectives: add objectives: with two or more metrics, e.g. objectives: [val_accuracy, steps]; " +
            "for one metric use strategy: tpe or random");
    }

    private static double? TryProbability(SpecBindContext ctx, SpecEntry item, string path, string defaultText) =>
        SpecValues.TryNumber(ctx, item.Value, path, out var p)
        && SpecValues.Check(ctx, p is >= 0 and <= 1, item.Value, path, $"must be a probability in [0, 1] ({defaultText})", p)
            ? p
            : null;
}
