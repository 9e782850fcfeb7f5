// SweepMachine's step for a model-based search (TPE, NSGA-II): before a dispatch, every combination whose results it
// may see have settled is suggested, in order (the searcher says which must have settled; SuggestionVisibility says
// what it sees), stored in the plan and so with the sweep's state; a combination's trials are dispatched only once it
// is suggested. Grid and random sweeps skip it.
using SweepCluster.Coordination.State;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    /// <summary>Combinations 0..this−1 have settled (only ever grows; a paused trial promoted later stays counted).</summary>
    private int _settledPrefix;

    /// <returns>Whether a combination was suggested now (it must be stored before its trials start).</returns>
    private bool SuggestReady()
    {
        if (_plan.Searcher is not IModelSearcher searcher) return false;
        var made = false;
        while (_plan.Suggestions.Count < _plan.Combinations)
        {
            var next = _plan.Suggestions.Count;
            var mustSettle = searcher.MustSettleBefore(next);
            while (_settledPrefix < mustSettle && SuggestionVisibility.Settled(_plan, _book.Trials, _settledPrefix)) _settledPrefix++;
            if (_settledPrefix < mustSettle) break;
            _plan = _plan.WithSuggestion(Suggest(searcher, next, mustSettle));
            _changed.UnionWith(_plan.TrialsOf(next));
            Dirty = true;
            made = true;
        }
        return made;
    }

    /// <summary>Combination <paramref name="combination"/>'s suggestion from what it sees, in its stored form.</summary>
    private SuggestedCombination Suggest(IModelSearcher searcher, int combination, int mustSettle)
    {
        switch (searcher)
        {
            case TpeSearcher tpe:
                var (visible, pending) = SuggestionVisibility.For(_plan, _book.Trials, combination, mustSettle);
                var suggestion = tpe.Suggest(combination, visible, pending);
                return SuggestedCombination.Of(suggestion.Values, suggestion.Startup);
            case NsgaIISearcher nsga:
                var bred = nsga.Suggest(combination, SuggestionVisibility.Completed(_plan, _book.Trials, mustSettle));
                return SuggestedCombination.Of(bred.Values, startup: bred.Parents.Count == 0);
            default:
                throw new InvalidOperationException($"no suggestion rule for {searcher.GetType().Name}");
        }
    }
}
