namespace SweepCluster.Tuning.Search;

/// <summary>Decides what to try next. Deterministic for a given spec and seed; its state survives a restart.</summary>
public interface ISearcher
{
    /// <summary>The total number of trials this searcher will propose (combinations × seeds).</summary>
    int TotalTrials { get; }

    /// <summary>Proposes the trial with this index (0 ≤ index &lt; TotalTrials); the same index always gives the same trial.</summary>
    TrialConfiguration Suggest(int index);

    /// <summary>
    /// Trial <paramref name="index"/> of an extended sweep: combination <paramref name="combination"/> trained with
    /// <paramref name="seed"/>. Random search continues its sequence past the spec's combinations (combination c is the
    /// same draw whatever the sweep's size); a grid has only its own combinations. Equals <see cref="Suggest(int)"/>
    /// for the spec's own trials.
    /// </summary>
    TrialConfiguration Suggest(int index, int combination, long seed);

    /// <summary>Whether <paramref name="combination"/> exists: below the grid's product, or any for random search.</summary>
    bool HasCombination(int combination);

    /// <summary>
    /// A trial spec drawn afresh from the search space, apart from the sweep's trials (PBT's explore resamples one);
    /// the same <paramref name="draw"/> (≥ 0) always gives the same spec.
    /// </summary>
    Core.Specs.TrialSpec Draw(int draw);
}
