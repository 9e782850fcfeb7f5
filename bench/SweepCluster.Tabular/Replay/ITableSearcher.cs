// The searcher role of a replay: decides what to try next from what it has seen.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>
/// Proposes configurations. It is called whenever a worker is free; <see cref="ReplayView.Finished"/> holds the
/// results it may learn from (completed, pruned and diverged trials with their observed curves) and
/// <see cref="ReplayView.Trials"/> the running ones too (for a constant liar). A model-based searcher (TPE, BOHB)
/// fits its model to those in <see cref="Propose"/>; it keeps its own seeded random source.
/// </summary>
public interface ITableSearcher
{
    /// <summary>The next configuration to train; null when the searcher has nothing more to propose.</summary>
    TableConfiguration? Propose(ReplayView view);
}
