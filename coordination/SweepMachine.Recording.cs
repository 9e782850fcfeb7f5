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

    private void PersistNow()
    {
        _ceilingsUnstored = false;
        Emit(Persist.Instance);
        Dirty = false;
    }

    private void PersistIfDirty()
    {
        if (Dirty) PersistNow();
    }
}
