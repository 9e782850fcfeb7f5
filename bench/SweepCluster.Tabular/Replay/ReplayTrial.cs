// One trial of a replay: the configuration a searcher proposed, the table seed it replays, and what it has observed.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>A trial as searchers and schedulers see it: its configuration and the metrics observed so far.</summary>
public sealed class ReplayTrial
{
    private readonly List<double> _observed = [];

    internal ReplayTrial(int number, TableConfiguration configuration, int seed, double started)
    {
        Number = number;
        Configuration = configuration;
        Seed = seed;
        Started = started;
    }

    /// <summary>0-based, in the order trials were proposed.</summary>
    public int Number { get; }

    public TableConfiguration Configuration { get; }

    /// <summary>The table seed whose recorded run this trial replays (drawn at random per trial).</summary>
    public int Seed { get; }

    public ReplayTrialStatus Status { get; internal set; } = ReplayTrialStatus.Running;

    /// <summary>The validation metric after each epoch trained so far (index e is epoch e + 1).</summary>
    public IReadOnlyList<double> Observed => _observed;

    /// <summary>Epochs trained so far.</summary>
    public int Epochs => _observed.Count;

    /// <summary>The last observed metric; null before the first epoch ends.</summary>
    public double? Last => _observed.Count > 0 ? _observed[^1] : null;

    /// <summary>Simulated time the trial started and (once finished) ended, in the table's cost units.</summary>
    public double Started { get; }
    public double? Ended { get; internal set; }

    internal void Observe(double metric) => _observed.Add(metric);
}
