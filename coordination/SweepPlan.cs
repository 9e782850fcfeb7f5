// What a sweep's spec fixes for its whole life, derived once when the coordinator loads it: the searcher, every
// trial's planned epochs and the trial scheduler's kind. Deterministic: the same spec gives the same plan on any silo.
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Coordination;

public sealed class SweepPlan
{
    private readonly int[] _trialEpochs;

    private SweepPlan(SweepSpec spec, ISearcher searcher)
    {
        Spec = spec;
        Searcher = searcher;
        _trialEpochs = new int[searcher.TotalTrials];
        for (var i = 0; i < _trialEpochs.Length; i++) _trialEpochs[i] = searcher.Suggest(i).Spec.Epochs;
        EpochsPlanned = _trialEpochs.Sum(e => (long)e);
    }

    public SweepSpec Spec { get; }
    public ISearcher Searcher { get; }
    public int TotalTrials => _trialEpochs.Length;

    /// <summary>Epochs every trial would run to the end.</summary>
    public long EpochsPlanned { get; }

    public static SweepPlan Create(SweepSpec spec) => new(spec, SearcherFactory.Create(spec));

    /// <summary>The planned epochs of trial <paramref name="index"/>.</summary>
    public int EpochsOf(int index) => _trialEpochs[index];

    public IReadOnlyList<int> TrialEpochs => _trialEpochs;

    /// <summary>A new trial scheduler of the spec's kind, in its initial state.</summary>
    public ITrialScheduler NewScheduler() => TrialSchedulerFactory.Create(Spec);

    /// <summary>The searcher's trial spec for <paramref name="index"/>.</summary>
    public TrialSpec SearcherSpec(int index) => Searcher.Suggest(index).Spec;

    /// <summary>Trial <paramref name="index"/>'s searched values in words, e.g. "learning_rate=constant(0.05), seed=1".</summary>
    public string Describe(int index) => string.Join(", ", Searcher.Suggest(index).Axes.Select(a => $"{a.Key}={a.Value}"));
}
