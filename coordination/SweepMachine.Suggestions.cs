// SweepMachine's step for a model-based search (TPE): before a dispatch, every combination whose results it may see
// have settled is suggested, in order (SuggestionVisibility holds the rule), stored in the plan and so with the
// sweep's state; a combination's trials are dispatched only once it is suggested. Grid and random sweeps skip it.
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
        if (_plan.Searcher is not TpeSearcher searcher) return false;
        var made = false;
        while (_plan.Suggestions.Count < _plan.Combinations)
        {
            var next = _plan.Suggestions.Count;
            var mustSettle = SuggestionVisibility.MustSettle(next, searcher.Window);
            while (_settledPrefix < mustSettle && SuggestionVisibility.Settled(_plan, _book.Trials, _settledPrefix)) _settledPrefix++;
            if (_settledPrefix < mustSettle) break;
            var (visible, pending) = SuggestionVisibility.For(_plan, _book.Trials, next, searcher.Window);
            var suggestion = searcher.Suggest(next, visible, pending);
            _plan = _plan.WithSuggestion(SuggestedCombination.Of(suggestion.Values, suggestion.Startup));
            _changed.UnionWith(_plan.TrialsOf(next));
            Dirty = true;
            made = true;
        }
        return made;
    }
}
