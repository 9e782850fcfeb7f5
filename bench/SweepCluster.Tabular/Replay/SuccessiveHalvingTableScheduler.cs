// Asynchronous successive halving: at rungs min·η^k epochs a trial goes on only if its metric is among the top 1/η of
// the metrics recorded at that rung so far. The promotion rule is Optuna's SuccessiveHalvingPruner's (ASHA), so the
// two sides of the benchmark prune alike.
namespace SweepCluster.Tabular.Replay;

/// <summary>ASHA as a stopping rule: rungs at <c>minEpochs·η^k</c>; metrics are maximised.</summary>
public sealed class SuccessiveHalvingTableScheduler : ITableScheduler
{
    private readonly int _minEpochs;
    private readonly int _reductionFactor;
    private readonly Dictionary<int, List<double>> _rungs = [];

    /// <param name="minEpochs">The first rung, in epochs.</param>
    /// <param name="reductionFactor">η: the fraction 1/η of each rung goes on.</param>
    public SuccessiveHalvingTableScheduler(int minEpochs, int reductionFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        _minEpochs = minEpochs;
        _reductionFactor = reductionFactor;
    }

    public TrialDecision OnEpoch(ReplayTrial trial, ReplayView view)
    {
        if (!IsRung(trial.Epochs)) return TrialDecision.Continue;
        var value = trial.Last!.Value;
        if (!_rungs.TryGetValue(trial.Epochs, out var rung)) _rungs[trial.Epochs] = rung = [];
        rung.Add(value);
        return IsPromotable(value, rung) ? TrialDecision.Continue : TrialDecision.Stop;
    }

    private bool IsRung(int epochs)
    {
        for (long rung = _minEpochs; rung <= epochs; rung *= _reductionFactor)
            if (rung == epochs) return true;
        return false;
    }

    // The top ⌊n/η⌋ of the rung's n values (the trial's own included) go on; while n < η, only the best so far.
    private bool IsPromotable(double value, List<double> rung)
    {
        var promoted = Math.Max(1, rung.Count / _reductionFactor);
        var threshold = rung.OrderByDescending(v => v).ElementAt(promoted - 1);
        return value >= threshold;
    }
}
