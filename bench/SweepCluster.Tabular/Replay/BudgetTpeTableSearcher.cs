// BOHB's model as Falkner et al. 2018 fit it, with our TPE sampler (TpeSampler.Propose, unchanged): for each proposal,
// TPE sees only the results at ONE budget — the largest rung budget at which enough trials have a result
// (ModelBudget.Choose) —, every trial there a Completed observation with score −(its accuracy after that epoch).
// Trials running without a result at that budget are pending (the constant liar, with more than one worker). When no
// budget has enough results, TPE is given no observations and returns its startup point (scrambled Sobol point k for
// trial k). Optionally a fraction of proposals is uniformly random (Falkner's random fraction, 1/3 in HpBandSter),
// drawn from the searcher's own seeded source. The pooled alternative (Optuna's) is TpeTableSearcher.
using SweepCluster.Tabular.Space;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tabular.Replay;

/// <summary>Proposes with <see cref="TpeSampler"/> fitted on the results at one budget, as Falkner et al.'s BOHB.</summary>
/// <param name="seed">The search seed (TPE's and the random fraction's).</param>
/// <param name="settings">TPE's settings.</param>
/// <param name="budgets">The rung budgets the model may be fitted at (epochs).</param>
/// <param name="minResults">Results a budget needs before TPE is fitted at it; null for Falkner's dimensions + 1.</param>
/// <param name="randomFraction">The share of proposals drawn uniformly at random instead (0 for none).</param>
public sealed class BudgetTpeTableSearcher(int seed, TpeSettings settings, IReadOnlyList<int> budgets, int? minResults = null, double randomFraction = 0)
    : ITableSearcher
{
    private readonly Random _random = new(seed);
    private readonly Dictionary<int, IReadOnlyDictionary<string, double>> _values = [];
    private TpeTableSpace? _space;

    public TableConfiguration? Propose(ReplayView view)
    {
        var space = _space ??= new TpeTableSpace(view.Space);
        if (randomFraction > 0 && _random.NextDouble() < randomFraction)
            return view.Space.Build((_, dimension) => _random.Next(dimension.Choices.Count));

        var model = ModelBudget.Choose(view.Trials, budgets, minResults ?? ModelBudget.FalknerMinResults(space.Dimensions.Count));
        var visible = model is null
            ? []
            : model.Results.Select(r => new TpeObservation(r.Trial.Number, Values(space, r.Trial), TpeTrialState.Completed, -r.Metric)).ToArray();
        var observed = visible.Select(o => o.TrialIndex).ToHashSet();
        var pending = view.Trials.Where(t => t.Status == ReplayTrialStatus.Running && !observed.Contains(t.Number))
            .Select(trial => TpeObservation.Pending(trial.Number, Values(space, trial))).ToArray();
        var (values, _) = TpeSampler.Propose(space.Dimensions, seed, view.Trials.Count, visible, pending, space.IsActive, settings);
        return space.Configuration(values);
    }

    private IReadOnlyDictionary<string, double> Values(TpeTableSpace space, ReplayTrial trial)
    {
        if (!_values.TryGetValue(trial.Number, out var values)) _values[trial.Number] = values = space.Values(trial.Configuration);
        return values;
    }
}
