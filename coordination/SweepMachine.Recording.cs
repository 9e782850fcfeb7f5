// How SweepMachine's steps record what they do: every change of a trial goes through Put (which marks the machine
// dirty), every command through Emit; a Persist marks it clean and its restored attempt ceilings stored. Plus the
// sweep metric and the objective values of an epoch, and the better of two metrics.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private void Put(TrialSummary trial)
    {
        trial = WithFinishTime(trial);
        _book.Put(trial);
        _changed.Add(trial.Index);
        Dirty = true;
    }

    // A trial is stamped when it reaches a terminal status and unstamped when it leaves one (a resumed or extended sweep
    // queues it again), so the stamp is always its last finish.
    private TrialSummary WithFinishTime(TrialSummary trial) => (trial.Status.IsTerminal(), trial.FinishedAt) switch
    {
        (true, null) => trial with { FinishedAt = _now },
        (false, not null) => trial with { FinishedAt = null },
        _ => trial,
    };

    private double? MetricOf(EpochRecord? record) => record is null ? null : _plan.Spec.Metric.ValueOf(record);

    // The trial at its last epoch: the sweep metric and every objective's value, always set together from one record.
    private TrialSummary WithLast(TrialSummary trial, EpochRecord? record) =>
        trial with { LastMetric = MetricOf(record), Objectives = ObjectivesOf(record) };

    private ImmutableArray<double>? ObjectivesOf(EpochRecord? record) =>
        record is null || !_plan.Spec.IsMultiObjective
            ? null
            : [.. _plan.Spec.Objectives.Select(objective => objective.ValueOf(record) ?? double.NaN)];

    // The best metric so far and its epoch: an epoch that only equals the best keeps the earlier epoch.
    private TrialSummary WithBest(TrialSummary trial, double? metric, int epoch)
    {
        var best = Better(trial.BestMetric, metric);
        return best == trial.BestMetric ? trial : trial with { BestMetric = best, BestEpoch = epoch };
    }

    private double? Better(double? best, double? candidate) =>
        candidate is not { } c || !double.IsFinite(c) ? best
        : best is not { } b || _plan.Spec.Metric.IsBetter(c, b) ? c
        : b;

    private void Emit(SweepCommand command) => _commands.Add(command);

    /// <summary>
    /// Trials per second of spacing between the periodic stores of a tick. The state is written whole (about 3 ms per
    /// 1,000 trials, bench/README.md), and the coordinator answers nothing while it writes: one tick period apart up to
    /// this many trials, proportionally further apart above, so the periodic writes stay within a few percent of its
    /// time. Every store a start or a decision needs is made at once, whatever the size (Dispatch, Decisions).
    /// </summary>
    private const int TrialsPerSecondOfPersistSpacing = 10_000;

    /// <summary>Whether a tick's periodic store is due: a sweep's trials are the truth about their own progress, so a
    /// coordinator restored from an older store asks them and loses nothing, only a longer reconciliation.</summary>
    private bool PeriodicPersistDue =>
        _now - _lastPersist >= TimeSpan.FromSeconds((double)_book.Total / TrialsPerSecondOfPersistSpacing);

    private void PersistNow()
    {
        _lastPersist = _now;
        _ceilingsUnstored = false;
        Emit(Persist.Instance);
        Dirty = false;
    }

    private void PersistIfDirty()
    {
        if (Dirty) PersistNow();
    }
}
