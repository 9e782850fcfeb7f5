// The median stopping rule (Golovin et al. 2017, "Google Vizier"; Ray Tune's MedianStoppingRule): after
// grace_epochs, a trial is stopped at epoch e when its best metric so far is worse than the median, over the
// completed trials that reached epoch e, of their running averages (mean metric over epochs 1..e). The rule waits
// until min_trials completed trials reached e. Which trials have completed when a trial asks depends on arrival
// order with several slots; with one slot (trials in order) the decisions are reproducible. Its state is an immutable
// MedianStoppingSnapshot, replaced on every change: SaveState hands it out as it is.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Stops trials whose best so far is worse than the median of completed trials' running averages.</summary>
public sealed class MedianStoppingScheduler : ITrialScheduler
{
    private readonly SchedulerSettings _settings;
    private readonly SchedulerMetric _metric;
    private MedianStoppingSnapshot _state = MedianStoppingSnapshot.Initial;

    public MedianStoppingScheduler(SchedulerSettings settings, MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _metric = new SchedulerMetric(metric);
    }

    public bool IsDecisionEpoch(int epoch, int epochs) => epoch > _settings.GraceEpochs && epoch < epochs;

    public SchedulingDecision OnEpoch(TrialEpochResult result)
    {
        var epoch = result.Record.Epoch;
        Record(result.TrialIndex, epoch, result.Metric);
        if (!IsDecisionEpoch(epoch, result.Epochs) || result.Metric is null) return SchedulingDecision.Continue;

        var averages = _state.Completed
            .Select(trial => RunningAverage(trial, epoch))
            .OfType<double>()
            .ToArray();
        if (averages.Length < _settings.MinTrials) return SchedulingDecision.Continue;
        var median = Median(averages);
        var best = _metric.Best(Values(result.TrialIndex, epoch));
        if (!_metric.IsBetter(median, best)) return SchedulingDecision.Continue;
        return new SchedulingDecision(TrialDecision.Stop,
            $"median stopping at epoch {epoch}: best {_metric.Name} so far {best:G4} is worse than the median {median:G4} of {averages.Length} completed trials' running averages");
    }

    public void OnTrialFinished(int trialIndex, TrialStatus status, double? finalMetric)
    {
        if (status == TrialStatus.Completed) _state = _state with { Completed = _state.Completed.Add(trialIndex) };
    }

    public IReadOnlyList<ScheduledAction> TakeActions() => [];

    public IReadOnlyList<ScheduledAction> OnIdle(IReadOnlyCollection<int> paused) => [];

    public SchedulerSnapshot SaveState() => _state;

    public void RestoreState(SchedulerSnapshot? snapshot) => _state = SchedulerSnapshots.Restore(snapshot, MedianStoppingSnapshot.Initial, this);

    // The trial's values up to the epoch before, padded with nulls where missing, then this one: an epoch reported
    // again after a resume replaces what was recorded from it on.
    private void Record(int trial, int epoch, double? metric)
    {
        var recorded = _state.Metrics.TryGetValue(trial, out var known) ? known : [];
        var values = ImmutableArray.CreateBuilder<double?>(epoch);
        values.AddRange(recorded.Take(epoch - 1));
        while (values.Count < epoch - 1) values.Add(null);
        values.Add(metric is { } v && double.IsFinite(v) ? v : null);
        _state = _state with { Metrics = _state.Metrics.SetItem(trial, values.MoveToImmutable()) };
    }

    /// <summary>The trial's known values over epochs 1..<paramref name="epoch"/> (its own epoch included).</summary>
    private IEnumerable<double> Values(int trial, int epoch) =>
        _state.Metrics.TryGetValue(trial, out var values) ? values.Take(epoch).OfType<double>() : [];

    private double? RunningAverage(int trial, int epoch)
    {
        if (!_state.Metrics.TryGetValue(trial, out var values) || values.Length < epoch) return null;
        var known = values.Take(epoch).OfType<double>().ToArray();
        return known.Length > 0 ? known.Average() : null;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
