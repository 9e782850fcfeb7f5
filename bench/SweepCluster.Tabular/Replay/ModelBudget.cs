// Falkner et al. 2018's choice of the budget BOHB fits its model at: the largest rung budget (Hyperband's 1, 3, 9, 27
// epochs on the schedule table) at which at least a minimum number of trials have a result, each trial taken at its
// metric AT that epoch (from its observed curve). A trial has a result at budget b once it has trained b epochs,
// whatever its status (a running trial past b included); a diverged one has results only up to the epoch it diverged
// in (its last observed metric, 0, counts there), as HpBandSter records a crashed run at its budget only. It does not
// propose or schedule.
namespace SweepCluster.Tabular.Replay;

/// <summary>The budget BOHB fits at and the trials' metrics at that budget.</summary>
/// <param name="Budget">The epoch the model is fitted at.</param>
/// <param name="Results">Each trial with a result at <paramref name="Budget"/> and its metric after that epoch, by trial number.</param>
public sealed record ModelBudget(int Budget, IReadOnlyList<(ReplayTrial Trial, double Metric)> Results)
{
    /// <summary>Falkner et al.'s minimum number of results for a model: the space's dimensions plus one.</summary>
    public static int FalknerMinResults(int dimensions) => dimensions + 1;

    /// <summary>The budgets of a Hyperband with first rung <paramref name="minEpochs"/>, reduction factor
    /// <paramref name="reductionFactor"/> and at most <paramref name="maxEpochs"/> epochs: min·η^k ≤ max, ascending
    /// (1, 3, 9, 27 for 1, 3, 27).</summary>
    public static IReadOnlyList<int> Rungs(int minEpochs, int reductionFactor, int maxEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        var rungs = new List<int>();
        for (var budget = minEpochs; budget <= maxEpochs; budget *= reductionFactor) rungs.Add(budget);
        return rungs;
    }

    /// <summary>The largest of <paramref name="budgets"/> at which at least <paramref name="minResults"/> of
    /// <paramref name="trials"/> have a result, with those results; null when no budget has enough.</summary>
    public static ModelBudget? Choose(IEnumerable<ReplayTrial> trials, IReadOnlyList<int> budgets, int minResults)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResults, 1);
        var all = trials.OrderBy(t => t.Number).ToArray();
        foreach (var budget in budgets.OrderDescending())
        {
            var results = all.Where(t => t.Epochs >= budget).Select(t => (t, t.Observed[budget - 1])).ToArray();
            if (results.Length >= minResults) return new ModelBudget(budget, results);
        }
        return null;
    }
}
