// How many epochs a method needs to reach a regret: the first epoch at which its mean regret curve over replays is at
// or below a target, read epoch by epoch (e.g. BOHB against TPE's regret after 100 trials). It does not replay.
namespace SweepCluster.Tabular.Replay;

/// <summary>Epochs at which a mean regret curve first reaches a target.</summary>
public static class EpochsToRegret
{
    /// <summary>The first epoch e ≤ <paramref name="epochBudget"/> whose mean regret over <paramref name="results"/> is at
    /// most <paramref name="target"/>; null if the curve never gets there within the budget.</summary>
    public static long? First(IReadOnlyList<ReplayResult> results, double target, long epochBudget)
    {
        ArgumentOutOfRangeException.ThrowIfZero(results.Count);
        for (long epoch = 1; epoch <= epochBudget; epoch++)
            if (results.Average(r => r.RegretAfterEpochs(epoch)) <= target) return epoch;
        return null;
    }

    /// <summary>The mean over <paramref name="results"/> of the epochs spent when the <paramref name="trials"/>-th trial
    /// finished (runs with fewer trials count their last point).</summary>
    public static double MeanEpochsAtTrials(IReadOnlyList<ReplayResult> results, int trials) =>
        results.Average(r => r.Curve.LastOrDefault(p => p.Trials <= trials)?.EpochsSpent ?? 0);
}
