// The keys of `search:` that belong to one strategy (TPE's, NSGA-II's): given with another strategy, each is an error
// naming the strategy it applies to. Used by each strategy's settings binder before it binds its own keys.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

internal static class StrategyKeys
{
    /// <summary>The entries of <paramref name="search"/> among <paramref name="keys"/> when the sweep's strategy is
    /// <paramref name="owner"/>; otherwise reports each of them as misplaced and returns null.</summary>
    public static SpecEntry[]? Given(SpecBindContext ctx, SpecMapping search, IReadOnlyList<string> keys, SearchStrategy owner, SearchStrategy strategy)
    {
        var given = search.Entries.Where(entry => keys.Contains(entry.Key)).ToArray();
        if (strategy == owner) return given;
        foreach (var misplaced in given)
        {
            ctx.Error(SpecPath.Key(SweepKeys.Search, misplaced.Key), misplaced.KeyLine,
                $"'{misplaced.Key}' applies only to strategy: {SpecNames.Of(owner)}; this sweep uses {SpecNames.Of(strategy)} search");
        }
        return null;
    }
}
