// Chooses the searcher for a sweep's strategy. Nothing else.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

/// <summary>Creates the <see cref="ISearcher"/> a sweep spec asks for.</summary>
public static class SearcherFactory
{
    /// <summary>A <see cref="GridSearcher"/>, <see cref="RandomSearcher"/>, <see cref="TpeSearcher"/> or <see cref="NsgaIISearcher"/> for <paramref name="sweep"/>.</summary>
    public static ISearcher Create(SweepSpec sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return sweep.Strategy switch
        {
            SearchStrategy.Grid => new GridSearcher(sweep),
            SearchStrategy.Random => new RandomSearcher(sweep),
            SearchStrategy.Tpe => new TpeSearcher(sweep),
            SearchStrategy.Nsga2 => new NsgaIISearcher(sweep),
            _ => throw new ArgumentOutOfRangeException(nameof(sweep), sweep.Strategy, "unknown search strategy"),
        };
    }
}
