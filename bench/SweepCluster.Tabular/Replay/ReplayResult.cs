// The outcome of one replay: its trials and its regret curve, read at a number of trials or of epochs spent.
namespace SweepCluster.Tabular.Replay;

/// <summary>
/// What a replay found. The incumbent is the finished full-budget trial (completed or diverged) with the best
/// observed final metric, as Optuna's best trial; before there is one, the regret is the table's best true final
/// metric (an incumbent worth 0).
/// </summary>
public sealed record ReplayResult(IReadOnlyList<ReplayTrial> Trials, IReadOnlyList<RegretPoint> Curve, double InitialRegret)
{
    /// <summary>The regret once <paramref name="trials"/> trials have finished (the last point if fewer did).</summary>
    public double RegretAfterTrials(int trials) => Curve.LastOrDefault(p => p.Trials <= trials)?.Regret ?? InitialRegret;

    /// <summary>The regret once <paramref name="epochs"/> epochs have been spent.</summary>
    public double RegretAfterEpochs(long epochs) => Curve.LastOrDefault(p => p.EpochsSpent <= epochs)?.Regret ?? InitialRegret;
}
