// Population-based training (Jaderberg et al. 2017), in synchronous generations. The population is every trial of
// the sweep. Every `interval` epochs a trial stops at the boundary (checkpoint stored) and pauses until every live
// member has reached the same boundary; then the generation is ranked by the metric at that boundary (ties: lower
// trial index first) and each trial in the bottom `quantile` copies the weights, optimizer state and
// hyperparameters of a trial drawn from the top `quantile` (exploit), then multiplies its learning rate, weight decay
// and batch size by factors drawn from `factors`, or with `resample_probability` takes the schedules of a fresh draw
// from the search space instead (explore; ISearcher.Draw). Every member is then resumed; the copy travels from the donor's trial grain to the
// copier's. The draws come from a stream seeded by (search seed, boundary), so a generation's decisions depend only
// on the metrics at that boundary — never on the order results arrived in — and a sweep is reproducible.
// Why generations: with fewer slots than members, an asynchronous PBT would compare trials at different epochs.
// Its state is an immutable PbtSnapshot, replaced on every change: SaveState hands it out as it is.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>PBT: at every interval boundary, the bottom quantile exploits the top quantile and explores.</summary>
public sealed class PbtScheduler : ITrialScheduler
{
    /// <summary>A separate stream from the searcher's draws of the same seed.</summary>
    private const ulong StreamBase = 0x5042_5400_0000_0000; // "PBT"

    private readonly SchedulerSettings _settings;
    private readonly SchedulerMetric _metric;
    private readonly int _population;
    private readonly long _seed;
    private PbtSnapshot _state = PbtSnapshot.Initial;

    /// <param name="population">The sweep's trials (indices 0 .. population − 1).</param>
    /// <param name="seed">Seeds the exploit and explore draws (the sweep's search seed).</param>
    public PbtScheduler(SchedulerSettings settings, MetricSpec metric, int population, long seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Interval, 1);
        if (settings.Factors.Count == 0) throw new ArgumentException("PBT needs at least one perturbation factor", nameof(settings));
        _settings = settings;
        _metric = new SchedulerMetric(metric);
        _population = population;
        _seed = seed;
    }

    public bool IsDecisionEpoch(int epoch, int epochs) => epoch % _settings.Interval == 0 && epoch < epochs;

    public SchedulingDecision OnEpoch(TrialEpochResult result)
    {
        var boundary = result.Record.Epoch;
        if (!IsDecisionEpoch(boundary, result.Epochs)) return SchedulingDecision.Continue;
        if (_state.Released.Contains(boundary)) return new SchedulingDecision(TrialDecision.Continue, $"PBT generation at epoch {boundary} already done");
        var arrivals = Arrivals(boundary).SetItem(result.TrialIndex, _metric.Rankable(result.Metric));
        _state = _state with { Arrivals = _state.Arrivals.SetItem(boundary, arrivals) };
        TryRelease(boundary);
        return new SchedulingDecision(TrialDecision.Pause, $"PBT: waiting for the population at epoch {boundary}");
    }

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric)
    {
        if (!status.IsTerminal() || _state.Finished.Contains(trialIndex)) return;
        _state = _state with { Finished = _state.Finished.Add(trialIndex) };
        foreach (var boundary in _state.Arrivals.Keys.Order().ToArray()) TryRelease(boundary);
    }

    /// <summary>A resumed member is waited for again at the boundaries to come (those ranked already stay ranked).</summary>
    public void OnTrialResumed(int trialIndex) => _state = _state with { Finished = _state.Finished.Remove(trialIndex) };

    public IReadOnlyList<ScheduledAction> TakeActions()
    {
        var actions = _state.Actions.ToArray();
        _state = _state with { Actions = [] };
        return actions;
    }

    /// <summary>Members still waiting when nothing else can arrive are released as they are.</summary>
    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused)
    {
        foreach (var boundary in _state.Arrivals.Keys.Order().ToArray()) Release(boundary);
        var released = TakeActions();
        var covered = released.Select(a => a.TrialIndex).ToHashSet();
        return released.Concat(paused.Where(t => !covered.Contains(t)).Order()
            .Select(t => new ScheduledAction(t, new SchedulingDecision(TrialDecision.Continue, "PBT: resumed")))).ToArray();
    }

    public SchedulerSnapshot SaveState() => _state;

    public void RestoreState(SchedulerSnapshot? snapshot) => _state = SchedulerSnapshots.Restore(snapshot, PbtSnapshot.Initial, this);

    /// <summary>Releases the generation at <paramref name="boundary"/> once every live member has arrived there.</summary>
    private void TryRelease(int boundary)
    {
        var arrivals = Arrivals(boundary);
        var waitingFor = Enumerable.Range(0, _population).Count(t => !_state.Finished.Contains(t) && !arrivals.ContainsKey(t));
        if (waitingFor == 0) Release(boundary);
    }

    private void Release(int boundary)
    {
        if (!_state.Arrivals.TryGetValue(boundary, out var arrivals)) return;
        _state = _state with { Arrivals = _state.Arrivals.Remove(boundary), Released = _state.Released.Add(boundary) };
        var ranked = _metric.BestFirst(arrivals.Where(a => !_state.Finished.Contains(a.Key))).Select(p => p.Key).ToArray();
        var cut = ranked.Length >= 2 ? Math.Max(1, (int)Math.Floor(ranked.Length * _settings.Quantile)) : 0;
        var top = ranked.Take(cut).ToArray();
        var bottom = ranked.Skip(ranked.Length - cut).ToHashSet();
        var random = DeterministicRandom.ForStream(_seed, StreamBase + (ulong)boundary);
        var actions = _state.Actions.ToBuilder();
        foreach (var trial in ranked.Order())
        {
            if (!bottom.Contains(trial))
            {
                actions.Add(new ScheduledAction(trial, new SchedulingDecision(TrialDecision.Continue, $"PBT generation at epoch {boundary}: kept")));
                continue;
            }
            var restart = Explore(trial, top[random.NextInt(top.Length)], boundary, random);
            var how = ExploreDescription.Of(restart.LearningRateFactor, restart.WeightDecayFactor, restart.BatchSizeFactor,
                restart.ResampleDraw);
            actions.Add(new ScheduledAction(trial, new SchedulingDecision(TrialDecision.Continue,
                $"PBT generation at epoch {boundary}: bottom {_settings.Quantile:P0}, copied trial {restart.DonorTrialIndex}; {how}", restart)));
        }
        _state = _state with { Actions = actions.ToImmutable() };
    }

    private TrialRestart Explore(int trial, int donor, int boundary, DeterministicRandom random)
    {
        if (_settings.ResampleProbability > 0 && random.NextDouble() < _settings.ResampleProbability)
            return new TrialRestart(trial, donor, 1, 1, 1, boundary, ResampleDraw: ResampleDrawOf(trial, boundary));
        double Factor() => _settings.Factors[random.NextInt(_settings.Factors.Count)];
        var (learningRate, weightDecay, batchSize) = (Factor(), Factor(), Factor());
        return new TrialRestart(trial, donor, learningRate, weightDecay, batchSize, boundary);
    }

    /// <summary>One draw number per (boundary, trial): every resample is a different fresh draw, whatever the order.</summary>
    private int ResampleDrawOf(int trial, int boundary) => checked(boundary * _population + trial);

    private ImmutableSortedDictionary<int, double> Arrivals(int boundary) =>
        _state.Arrivals.GetValueOrDefault(boundary, ImmutableSortedDictionary<int, double>.Empty);
}
