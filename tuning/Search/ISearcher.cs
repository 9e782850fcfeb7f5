namespace SweepCluster.Tuning.Search;

/// <summary>Decides what to try next. Deterministic for a given spec and seed; its state survives a restart.</summary>
public interface ISearcher
{
    /// <summary>The total number of trials this searcher will propose (combinations × seeds).</summary>
    int TotalTrials { get; }

    /// <summary>Proposes the trial with this index (0 ≤ index &lt; TotalTrials); the same index always gives the same trial.</summary>
    TrialConfiguration Suggest(int index);

    /// <summary>
    /// A trial spec drawn afresh from the search space, apart from the sweep's trials (PBT's explore resamples one);
    /// the same <paramref name="draw"/> (≥ 0) always gives the same spec.
    /// </summary>
    Core.Specs.TrialSpec Draw(int draw);
}
