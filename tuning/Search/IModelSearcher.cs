// A searcher whose combinations depend on results (TPE, NSGA-II). The coordinator asks it which combinations must
// have settled before combination k is suggested, makes the suggestion from their results, stores the drawn values,
// and binds every seed's trial from them. Each searcher states its own rule, so that a suggestion sees the same results
// whatever the cluster. It does not say how results become observations (the coordinator's SuggestionVisibility does).
namespace SweepCluster.Tuning.Search;

/// <summary>A searcher that suggests each combination from the results of earlier ones.</summary>
public interface IModelSearcher : ISearcher
{
    /// <summary>Combinations 0..this−1 must have settled before <paramref name="combination"/> is suggested (≤ 0: none).</summary>
    int MustSettleBefore(int combination);

    /// <summary>Trial <paramref name="index"/>: combination <paramref name="combination"/> with the suggested
    /// <paramref name="values"/> (by dimension key), trained with <paramref name="seed"/>.</summary>
    TrialConfiguration Bind(int index, int combination, long seed, IReadOnlyDictionary<string, double> values);
}
