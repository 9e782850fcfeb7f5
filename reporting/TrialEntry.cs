// One trial's configuration joined with its result (if any) and its usable metric value: the row every report
// section aggregates. It does no aggregation itself.
using SweepCluster.Core;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Reporting;

/// <summary>A trial's configuration, its result (null: pending) and its final metric value.</summary>
/// <param name="MetricValue">The final metric, only for completed trials with a finite value; otherwise null.</param>
internal sealed record TrialEntry(TrialConfiguration Configuration, TrialResult? Result, double? MetricValue)
{
    public TrialStatus Status => Result?.Status ?? TrialStatus.Pending;

    public int Index => Configuration.Index;

    public int Combination => Configuration.Combination;

    /// <summary>Epochs the trial reported (0 without a result).</summary>
    public int EpochsRun => Result switch
    {
        { History.Count: > 0 } result => result.History[^1].Epoch,
        { EpochsRun: { } epochs } => epochs,
        _ => 0,
    };

    public double WallSeconds => Result?.WallSeconds ?? 0.0;

    /// <summary>Joins trials with results by index; a result without a trial, or two results for one trial, is an error.</summary>
    public static IReadOnlyList<TrialEntry> Join(SweepReportInput input)
    {
        var trialsByIndex = new Dictionary<int, TrialConfiguration>();
        foreach (var trial in input.Trials)
        {
            if (!trialsByIndex.TryAdd(trial.Index, trial))
                throw new ArgumentException($"trial index {trial.Index} appears twice in the trials", nameof(input));
        }

        var resultsByIndex = new Dictionary<int, TrialResult>();
        foreach (var result in input.Results)
        {
            if (!trialsByIndex.ContainsKey(result.Index))
                throw new ArgumentException($"result for trial index {result.Index} has no matching trial", nameof(input));
            if (!resultsByIndex.TryAdd(result.Index, result))
                throw new ArgumentException($"trial index {result.Index} has two results", nameof(input));
        }

        return input.Trials
            .OrderBy(t => t.Index)
            .Select(t =>
            {
                var result = resultsByIndex.GetValueOrDefault(t.Index);
                return new TrialEntry(t, result, UsableMetric(result, input.Metric));
            })
            .ToArray();
    }

    /// <summary>A completed trial's metric: the recorded value, else the metric of its last epoch; non-finite → null.</summary>
    private static double? UsableMetric(TrialResult? result, MetricSpec metric)
    {
        if (result is null || result.Status != TrialStatus.Completed) return null;
        var value = result.Metric ?? (result.History.Count > 0 ? metric.ValueOf(result.History[^1]) : null);
        return value is { } v && double.IsFinite(v) ? v : null;
    }
}
