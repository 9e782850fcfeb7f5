// Our TPE sampler (tuning/Search/Tpe, TpeSampler.Propose) as a replay searcher. Trial k's suggestion is suggestion index
// k of the search seed; it learns from every finished trial: a completed or diverged one as Completed with score
// −(last accuracy) (a diverged run returns 0, as the Optuna script's objective does), a pruned one as Pruned with its
// last accuracy and the epoch it stopped at (Optuna's TPE ranks pruned trials by step, then value); running trials are
// pending (the constant liar, when more than one worker trains). It keeps no model between calls: the sampler is a
// pure function of what it is given.
using SweepCluster.Tabular.Space;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tabular.Replay;

/// <summary>Proposes configurations with <see cref="TpeSampler"/>, univariate or multivariate as its settings say.</summary>
public sealed class TpeTableSearcher(int seed, TpeSettings settings) : ITableSearcher
{
    private readonly Dictionary<int, IReadOnlyDictionary<string, double>> _values = [];
    private TpeTableSpace? _space;

    public TableConfiguration? Propose(ReplayView view)
    {
        var space = _space ??= new TpeTableSpace(view.Space);
        var visible = view.Finished.Select(trial => Observation(space, trial)).ToArray();
        var pending = view.Trials.Where(t => t.Status == ReplayTrialStatus.Running)
            .Select(trial => TpeObservation.Pending(trial.Number, Values(space, trial))).ToArray();
        var (values, _) = TpeSampler.Propose(space.Dimensions, seed, view.Trials.Count, visible, pending, space.IsActive, settings);
        return space.Configuration(values);
    }

    private TpeObservation Observation(TpeTableSpace space, ReplayTrial trial) => trial.Status == ReplayTrialStatus.Pruned
        ? new TpeObservation(trial.Number, Values(space, trial), TpeTrialState.Pruned, -trial.Last!.Value, trial.Epochs)
        : new TpeObservation(trial.Number, Values(space, trial), TpeTrialState.Completed, -trial.Last!.Value);

    private IReadOnlyDictionary<string, double> Values(TpeTableSpace space, ReplayTrial trial)
    {
        if (!_values.TryGetValue(trial.Number, out var values)) _values[trial.Number] = values = space.Values(trial.Configuration);
        return values;
    }
}
