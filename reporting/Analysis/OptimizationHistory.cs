// The optimisation history: finished trials in the order they finished, each with the best metric so far by the sweep's
// goal. It neither decides which trials count as finished nor thins long histories (the chart does).
using SweepCluster.Core;

namespace SweepCluster.Reporting.Analysis;

/// <summary>Each finished trial's metric in finishing order, with the running best.</summary>
public static class OptimizationHistory
{
    /// <summary>
    /// The trials with a finite value ordered by <see cref="FinishedTrial.FinishOrder"/>, equal keys by trial index,
    /// each with the best value so far (largest to maximise, smallest to minimise); ties with the best are not new bests.
    /// </summary>
    public static IReadOnlyList<HistoryPoint> Of(IReadOnlyList<FinishedTrial> trials, MetricGoal goal)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var ordered = trials
            .Where(trial => double.IsFinite(trial.Value))
            .OrderBy(trial => trial.FinishOrder)
            .ThenBy(trial => trial.TrialIndex);

        var points = new List<HistoryPoint>();
        var best = double.NaN;
        foreach (var trial in ordered)
        {
            var isNewBest = points.Count == 0 || IsBetter(trial.Value, best, goal);
            if (isNewBest) best = trial.Value;
            points.Add(new HistoryPoint(points.Count + 1, trial.TrialIndex, trial.FinishOrder, trial.Value, best, isNewBest));
        }

        return points;
    }

    private static bool IsBetter(double candidate, double incumbent, MetricGoal goal) =>
        goal == MetricGoal.Maximize ? candidate > incumbent : candidate < incumbent;
}
