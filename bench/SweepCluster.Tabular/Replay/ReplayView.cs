// What a searcher or a scheduler may look at during a replay: the space, the budget, and every trial so far.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>The replay's state as visible to searchers and schedulers (never the table's unseen values).</summary>
public sealed class ReplayView
{
    private readonly List<ReplayTrial> _trials = [];

    internal ReplayView(TableSpace space, int maxEpochs)
    {
        Space = space;
        MaxEpochs = maxEpochs;
    }

    public TableSpace Space { get; }

    /// <summary>The table's epoch budget per trial (the highest fidelity).</summary>
    public int MaxEpochs { get; }

    /// <summary>Every trial proposed so far, by number, running ones included.</summary>
    public IReadOnlyList<ReplayTrial> Trials => _trials;

    /// <summary>The finished trials (completed, pruned or diverged), by number.</summary>
    public IEnumerable<ReplayTrial> Finished => _trials.Where(t => t.Status != ReplayTrialStatus.Running);

    /// <summary>Epochs trained so far over all trials: the budget the replay is measured against.</summary>
    public long EpochsSpent { get; internal set; }

    /// <summary>Simulated time now, in the table's cost units (optimizer steps).</summary>
    public double Now { get; internal set; }

    internal void Add(ReplayTrial trial) => _trials.Add(trial);
}
