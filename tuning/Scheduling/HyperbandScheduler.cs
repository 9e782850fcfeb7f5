// Asynchronous Hyperband (Li et al. 2018: Hyperband's brackets with ASHA as the inner loop, as Ray Tune's
// AsyncHyperBandScheduler and Optuna's HyperbandPruner run it). Each combination's trials run in one bracket
// (HyperbandBrackets: a pure function of the combination, weighted as Hyperband weights its brackets); bracket s is an
// AshaScheduler whose first rung is min_epochs·η^s, and the last bracket of a trial with every bracket has no rung at
// all, so it trains in full. A bracket's promotions look only at its own trials: results in one bracket never promote
// or pause a trial of another. What ASHA guarantees holds within each bracket, arrival order included. It does not
// choose combinations (the searcher does) and keeps no bracket per trial (it follows from the combination).
// Its state is an immutable HyperbandSnapshot with one AshaSnapshot per bracket, replaced whenever a bracket changes:
// SaveState hands it out as it is.
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Hyperband: ASHA in brackets that start pruning at successively later rungs, each combination in one.</summary>
public sealed class HyperbandScheduler : ITrialScheduler
{
    private readonly SchedulerSettings _settings;
    private readonly MetricSpec _metric;
    private readonly ParetoRungRanking? _pareto;
    private readonly Dictionary<int, AshaScheduler> _brackets = [];
    private HyperbandSnapshot _state = HyperbandSnapshot.Initial;

    /// <param name="pareto">Ranks each rung of every bracket by Pareto rank over the objectives; null: by <paramref name="metric"/>.</param>
    public HyperbandScheduler(SchedulerSettings settings, MetricSpec metric, ParetoRungRanking? pareto = null)
    {
        Brackets = new HyperbandBrackets(settings);
        _settings = settings;
        _metric = metric;
        _pareto = pareto;
    }

    /// <summary>How many brackets there are and which one a combination is in.</summary>
    public HyperbandBrackets Brackets { get; }

    /// <summary>The rung epochs of combination <paramref name="combination"/>'s trials of <paramref name="epochs"/> epochs (none: full training).</summary>
    public IReadOnlyList<int> Rungs(int combination, int epochs) => Bracket(Brackets.Of(combination, epochs)).Rungs(epochs);

    /// <summary>Whether any bracket's trial would stop there: the rungs of bracket 0, which hold every bracket's.</summary>
    public bool IsDecisionEpoch(int epoch, int epochs) => Bracket(0).IsDecisionEpoch(epoch, epochs);

    /// <summary>Whether a trial of <paramref name="combination"/> stops there: a rung of its bracket.</summary>
    public bool IsDecisionEpoch(int epoch, int epochs, int combination) =>
        Bracket(Brackets.Of(combination, epochs)).IsDecisionEpoch(epoch, epochs);

    public SchedulingDecision OnEpoch(TrialEpochResult result)
    {
        var bracket = Brackets.Of(result.Combination, result.Epochs);
        var decision = Bracket(bracket).OnEpoch(result);
        Saved(bracket);
        return Named(bracket, decision);
    }

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric)
    {
        foreach (var bracket in _brackets.Keys.Order().ToArray())
        {
            _brackets[bracket].OnTrialFinished(trialIndex, status, finalMetric);
            Saved(bracket);
        }
    }

    public IReadOnlyList<ScheduledAction> TakeActions()
    {
        var actions = new List<ScheduledAction>();
        foreach (var bracket in _brackets.Keys.Order().ToArray())
        {
            actions.AddRange(_brackets[bracket].TakeActions().Select(a => a with { Decision = Named(bracket, a.Decision) }));
            Saved(bracket);
        }
        return actions;
    }

    /// <summary>Each paused trial is pruned by the bracket it waits in (its reason names the bracket and the rung).</summary>
    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused)
    {
        var actions = new List<ScheduledAction>();
        foreach (var group in paused.GroupBy(WaitingIn).OrderBy(g => g.Key))
        {
            actions.AddRange(Bracket(group.Key).OnIdle(group.ToArray()));
            Saved(group.Key);
        }
        return actions.OrderBy(a => a.TrialIndex).ToArray();
    }

    public SchedulerSnapshot SaveState() => _state;

    public void RestoreState(SchedulerSnapshot? snapshot)
    {
        var state = SchedulerSnapshots.Restore(snapshot, HyperbandSnapshot.Initial, this);
        _brackets.Clear();
        foreach (var (bracket, asha) in state.Brackets) Bracket(bracket).RestoreState(asha);
        _state = state;
    }

    private AshaScheduler Bracket(int bracket)
    {
        if (!_brackets.TryGetValue(bracket, out var asha))
            _brackets[bracket] = asha = new AshaScheduler(_settings, _metric, bracket, Name(bracket), _pareto);
        return asha;
    }

    // The bracket a paused trial waits in; a trial no bracket paused goes to bracket 0, which prunes it as ASHA does.
    private int WaitingIn(int trial) =>
        _state.Brackets.FirstOrDefault(b => b.Value.Paused.ContainsKey(trial)) is { Value: not null } owner ? owner.Key : 0;

    // Takes a bracket's state into ours; a bracket that has seen nothing yet is left out, so only what happened is saved.
    private void Saved(int bracket)
    {
        var asha = (AshaSnapshot)_brackets[bracket].SaveState();
        if (_state.Brackets.GetValueOrDefault(bracket, AshaSnapshot.Initial) == asha) return;
        _state = _state with { Brackets = _state.Brackets.SetItem(bracket, asha) };
    }

    private static string Name(int bracket) => $"Hyperband bracket {bracket}";

    // The bracket's decision with its reason prefixed by the bracket ("Hyperband bracket 1: rung 0 (epoch 3): …").
    private static SchedulingDecision Named(int bracket, SchedulingDecision decision) =>
        decision.Reason is { } reason ? decision with { Reason = $"{Name(bracket)}: {reason}" } : decision;
}
