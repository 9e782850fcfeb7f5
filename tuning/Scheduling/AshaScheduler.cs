// Asynchronous successive halving (Li et al. 2018, "A System for Massively Parallel Hyperparameter Tuning").
// Rungs sit at r_k = min_epochs·η^k epochs, below the trial's epochs. A trial that reaches a rung records its metric
// there and asks to be promoted: the promotable trials of rung k are the top ⌊n_k/η⌋ of the n_k results recorded at
// that rung so far, minus those already promoted. Promotion is decided as results arrive and never waits for a full
// rung. A trial that is not promotable now is paused (its slot goes to another trial) and may be promoted later,
// when more results make the top ⌊n_k/η⌋ larger; once nothing runs any more, the trials still paused are pruned.
// Whatever the arrival order: every promotion is of a trial in the top ⌊m/η⌋ of the m results in at that moment,
// and once a rung is complete its top ⌊n_k/η⌋ have all been promoted. How many more leave depends on the order (the
// paper's asynchrony: early promotions rest on few results; with η 3, from 3 of 9 when the best arrive first to 7 of
// 9 when the worst do). With one slot the order is the trial order and the run is reproducible.
// Its state is an immutable AshaSnapshot, replaced on every change: SaveState hands it out as it is.
// HyperbandScheduler runs one of these per bracket, with its first rung moved up by the bracket (internal constructor).
// In a multi-objective sweep the rung ranks by Pareto rank over the objectives instead (ParetoRungRanking): the same
// asynchronous rule with "top ⌊m/η⌋" meaning the trials ParetoPromotion keeps of the m results in.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>ASHA: promote the top 1/η of each rung as results arrive; prune the rest when the sweep runs dry.</summary>
public sealed class AshaScheduler : ITrialScheduler
{
    private const string Name = "ASHA";

    private readonly SchedulerSettings _settings;
    private readonly SchedulerMetric _metric;
    private readonly long _firstRung;
    private readonly string _name;
    private readonly ParetoRungRanking? _pareto;
    private AshaSnapshot _state = AshaSnapshot.Initial;

    /// <param name="pareto">Ranks each rung by Pareto rank over the objectives; null: by <paramref name="metric"/>.</param>
    public AshaScheduler(SchedulerSettings settings, MetricSpec metric, ParetoRungRanking? pareto = null) : this(settings, metric, 0, Name, pareto) { }

    /// <summary>ASHA whose first rung is min_epochs·η^<paramref name="skippedRungs"/> (a Hyperband bracket).</summary>
    /// <param name="name">Names the scheduler in the reasons of the trials it prunes when the sweep runs dry.</param>
    internal AshaScheduler(SchedulerSettings settings, MetricSpec metric, int skippedRungs, string name, ParetoRungRanking? pareto = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Eta, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(skippedRungs);
        _settings = settings;
        _metric = new SchedulerMetric(metric);
        _firstRung = settings.MinEpochs;
        for (var k = 0; k < skippedRungs && _firstRung <= int.MaxValue; k++) _firstRung *= settings.Eta;
        _name = name;
        _pareto = pareto;
    }

    /// <summary>The rung epochs of a trial of <paramref name="epochs"/> epochs: min_epochs·η^k &lt; epochs.</summary>
    public IReadOnlyList<int> Rungs(int epochs)
    {
        var rungs = new List<int>();
        for (long rung = _firstRung; rung < epochs; rung *= _settings.Eta) rungs.Add((int)rung);
        return rungs;
    }

    public bool IsDecisionEpoch(int epoch, int epochs) => RungOf(epoch, epochs) is not null;

    public SchedulingDecision OnEpoch(TrialEpochResult result)
    {
        if (RungOf(result.Record.Epoch, result.Epochs) is not { } rung) return SchedulingDecision.Continue;
        var trial = result.TrialIndex;
        var results = Results(rung).SetItem(trial, _metric.Rankable(result.Metric));
        _state = _state with { Results = _state.Results.SetItem(rung, results) };
        if (_pareto is not null)
        {
            var vectors = (_state.Vectors ?? ImmutableSortedDictionary<int, ImmutableSortedDictionary<int, ImmutableArray<double>>>.Empty).SetItem(rung, Vectors(rung).SetItem(trial, _pareto.VectorOf(result.Record, result.Epochs)));
            _state = _state with { Vectors = vectors };
        }
        var promoted = Promoted(rung);
        if (promoted.Contains(trial)) return Promotion(rung, result.Record.Epoch, results.Count);

        // The new result may make paused trials promotable: by the metric only when this one is not (one more place
        // in the top ⌊n/η⌋), by Pareto rank also beside it (a new result reshapes the fronts and their crowding).
        var candidates = Candidates(rung);
        var isCandidate = candidates.Contains(trial);
        var paused = isCandidate ? _state.Paused.Remove(trial) : _state.Paused.SetItem(trial, rung);
        if (isCandidate) promoted = promoted.Add(trial);
        var actions = _state.Actions;
        foreach (var waiting in candidates)
        {
            if (waiting == trial || !paused.ContainsKey(waiting)) continue;
            promoted = promoted.Add(waiting);
            paused = paused.Remove(waiting);
            actions = actions.Add(new ScheduledAction(waiting, Promotion(rung, result.Record.Epoch, results.Count)));
        }
        _state = _state with { Promoted = _state.Promoted.SetItem(rung, promoted), Paused = paused, Actions = actions };
        return isCandidate
            ? Promotion(rung, result.Record.Epoch, results.Count)
            : new SchedulingDecision(TrialDecision.Pause,
                $"rung {rung} (epoch {result.Record.Epoch}): not in {Criterion} of {results.Count} result(s) so far; waiting for promotion");
    }

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric)
    {
        if (status.IsTerminal()) _state = _state with { Paused = _state.Paused.Remove(trialIndex) };
    }

    public IReadOnlyList<ScheduledAction> TakeActions()
    {
        var actions = _state.Actions.ToArray();
        _state = _state with { Actions = [] };
        return actions;
    }

    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused)
    {
        var actions = paused.Order().Select(trial =>
        {
            var rung = _state.Paused.GetValueOrDefault(trial);
            var epoch = _firstRung * (long)Math.Pow(_settings.Eta, rung);
            return new ScheduledAction(trial, new SchedulingDecision(TrialDecision.Stop,
                $"{_name}: stopped at rung {rung} (epoch {epoch}): not in {Criterion} of the rung's {Results(rung).Count} results{DominatedBy(trial, rung)}"));
        }).ToArray();
        _state = _state with { Paused = _state.Paused.RemoveRange(paused) };
        return actions;
    }

    public SchedulerSnapshot SaveState() => _state;

    public void RestoreState(SchedulerSnapshot? snapshot) => _state = SchedulerSnapshots.Restore(snapshot, AshaSnapshot.Initial, this);

    private int? RungOf(int epoch, int epochs)
    {
        var rungs = Rungs(epochs);
        var index = rungs.ToList().IndexOf(epoch);
        return index >= 0 ? index : null;
    }

    // The top ⌊n/η⌋ of the rung (best first; by Pareto rank: by trial index) that have not been promoted.
    private List<int> Candidates(int rung)
    {
        var results = Results(rung);
        var promoted = Promoted(rung);
        var top = _pareto is null
            ? _metric.BestFirst(results).Take(results.Count / _settings.Eta).Select(p => p.Key)
            : _pareto.Promotable(Vectors(rung), _settings.Eta);
        return top.Where(t => !promoted.Contains(t)).ToList();
    }

    private SchedulingDecision Promotion(int rung, int epoch, int results) =>
        new(TrialDecision.Continue, $"rung {rung} (epoch {epoch}): promoted, in {Criterion} of {results} result(s)");

    // What a promoted trial is among, e.g. "the top 1/3" or "the top 1/3 by Pareto rank (val_accuracy ↑, steps ↓)".
    private string Criterion => _pareto?.Criterion(_settings.Eta) ?? $"the top 1/{_settings.Eta}";

    // A pruned trial's dominator at the rung, e.g. "; trial 4 dominates it (val_accuracy 0.91, steps 300 against ...)".
    private string DominatedBy(int trial, int rung)
    {
        if (_pareto is null || _pareto.DominatorOf(trial, Vectors(rung)) is not { } dominator) return "";
        var vectors = Vectors(rung);
        return $"; trial {dominator} dominates it ({_pareto.Describe(vectors[dominator])} against {_pareto.Describe(vectors[trial])})";
    }

    private ImmutableSortedDictionary<int, ImmutableArray<double>> Vectors(int rung) =>
        _state.Vectors?.GetValueOrDefault(rung) ?? ImmutableSortedDictionary<int, ImmutableArray<double>>.Empty;

    private ImmutableSortedDictionary<int, double> Results(int rung) =>
        _state.Results.GetValueOrDefault(rung, ImmutableSortedDictionary<int, double>.Empty);

    private ImmutableSortedSet<int> Promoted(int rung) => _state.Promoted.GetValueOrDefault(rung, []);
}
