// The ranked report of a sweep: plain, immutable, JSON-round-trippable records (see SweepReportJson).
// It holds aggregated numbers only; building them is SweepReportBuilder's job and drawing them the renderers'.
using SweepCluster.Core;
using SweepCluster.Engine.Specs;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Reporting;

/// <summary>The ranked report of one sweep.</summary>
/// <param name="Header">Identity, state, metric and trial counts.</param>
/// <param name="Ranking">One row per combination, best first (see <see cref="SweepReportBuilder"/> for the order).</param>
/// <param name="Axes">For each searched path, the metric by value.</param>
/// <param name="Families">The metric by schedule family, per schedule target.</param>
/// <param name="BestTrial">The best completed trial of the top-ranked combination; null when no trial completed.</param>
/// <param name="TopCurves">The best completed trial of each of the top combinations (at most
/// <see cref="SweepReportBuilder.CurveCombinations"/>), in rank order, for learning-curve plots.</param>
/// <param name="Failures">Every failed or diverged trial, by trial index.</param>
/// <param name="Stopped">Every trial the trial scheduler stopped (Pruned) or holds (Paused): at which epoch and why.</param>
/// <param name="Exploits">Every PBT exploit, by trial index then epoch: the ranking keeps a trial's sampled axes, these
/// say whose checkpoint and hyperparameters it copied since, and how it perturbed them.</param>
public sealed record SweepReport(
    ReportHeader Header,
    IReadOnlyList<RankingRow> Ranking,
    IReadOnlyList<AxisSummary> Axes,
    IReadOnlyList<FamilySummary> Families,
    RankedTrial? BestTrial,
    IReadOnlyList<RankedTrial> TopCurves,
    IReadOnlyList<FailureEntry> Failures,
    IReadOnlyList<StoppedEntry>? Stopped = null,
    IReadOnlyList<ExploitEntry>? Exploits = null);

/// <summary>A trial the trial scheduler stopped early (Pruned) or holds at a boundary (Paused).</summary>
/// <param name="Epoch">The epoch it stopped after.</param>
/// <param name="Reason">The scheduler's reason, e.g. "rung 0 (epoch 1): not in the top 1/3".</param>
/// <param name="Metric">The sweep metric at that epoch, when there is one.</param>
public sealed record StoppedEntry(int Index, int Combination, long Seed, TrialStatus Status, int Epoch, string? Reason, double? Metric);

/// <summary>A trial that restarted from another trial's checkpoint (PBT's exploit), and how it explored.</summary>
/// <param name="Index">The trial that copied.</param>
/// <param name="Exploit">When, from whom and with which factors.</param>
/// <param name="Explore">The explore step in words (<see cref="ExploreDescription"/>), e.g. "learning rate ×1.2, weight decay ×0.8, batch size ×1.2".</param>
public sealed record ExploitEntry(int Index, int Combination, long Seed, ExploitEvent Exploit, string Explore);

/// <summary>The sweep's identity, state and totals.</summary>
/// <param name="StatusCounts">How many trials are in each <see cref="TrialStatus"/>, every status listed, in enum order.</param>
/// <param name="TotalTrials">All trials of the sweep, pending ones included.</param>
/// <param name="TotalWallSeconds">Training time summed over every trial and attempt.</param>
/// <param name="MeanWallSeconds">Mean training time of the trials that have run at least one attempt; null if none has.</param>
public sealed record ReportHeader(
    string SweepId,
    string Name,
    SweepStatus Status,
    MetricSpec Metric,
    IReadOnlyList<StatusCount> StatusCounts,
    int TotalTrials,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    double TotalWallSeconds,
    double? MeanWallSeconds)
{
    /// <summary>How many trials are in <paramref name="status"/>.</summary>
    public int CountOf(TrialStatus status) => StatusCounts.Where(c => c.Status == status).Sum(c => c.Count);
}

/// <summary>How many trials are in one status.</summary>
public sealed record StatusCount(TrialStatus Status, int Count);

/// <summary>One searched field and the value chosen for it, in words (e.g. "learning_rate" → "inverse_time(0.1, α=0.01, β=0.5)").</summary>
public sealed record AxisValue(string Path, string Value);

/// <summary>One combination of the space, aggregated over its seeds.</summary>
/// <param name="Rank">1-based position in the ranking; every row has a distinct rank.</param>
/// <param name="Combination">The combination number from the searcher.</param>
/// <param name="Axes">The combination's searched values, in the spec's axis order.</param>
/// <param name="Metric">The sweep metric over the completed seeds; null when no seed completed with a value.</param>
/// <param name="Trials">All trials (seeds) of the combination.</param>
/// <param name="Completed">Trials that completed.</param>
/// <param name="Diverged">Trials that diverged.</param>
/// <param name="Failed">Trials that failed.</param>
/// <param name="MeanEpochs">Mean number of epochs run by the trials that have a result; null if none has.</param>
/// <param name="WallSeconds">Training time summed over the combination's trials and attempts.</param>
/// <param name="Silos">Every silo that ran an attempt of the combination, distinct, in ordinal order.</param>
/// <param name="Pruned">Trials the trial scheduler stopped early (ASHA, median stopping): no final metric.</param>
public sealed record RankingRow(
    int Rank,
    int Combination,
    IReadOnlyList<AxisValue> Axes,
    MetricStatistics? Metric,
    int Trials,
    int Completed,
    int Diverged,
    int Failed,
    double? MeanEpochs,
    double WallSeconds,
    IReadOnlyList<string> Silos,
    int Pruned = 0);

/// <summary>The metric by value of one searched path.</summary>
public sealed record AxisSummary(string Path, IReadOnlyList<AxisValueSummary> Values);

/// <summary>The metric of the completed trials that share one value of an axis.</summary>
/// <param name="Value">The value, in words.</param>
/// <param name="Trials">All trials with this value.</param>
/// <param name="Completed">Completed trials with a metric value (what <paramref name="Mean"/> is over).</param>
/// <param name="Mean">Mean metric; null when <paramref name="Completed"/> is 0.</param>
/// <param name="Best">Best metric according to the goal; null when <paramref name="Completed"/> is 0.</param>
public sealed record AxisValueSummary(string Value, int Trials, int Completed, double? Mean, double? Best);

/// <summary>The metric of every completed trial whose schedule for <paramref name="Target"/> is of one family.</summary>
/// <param name="Target">Which schedule: learning rate, weight decay or batch size.</param>
/// <param name="Family">The family's spec name, snake_case (e.g. "inverse_time").</param>
/// <param name="Trials">All trials with this family.</param>
/// <param name="Metric">Statistics over the completed trials' metric values; null when none completed.</param>
/// <param name="Values">Each completed trial's metric value, by trial index (the individual points of a plot).</param>
public sealed record FamilySummary(
    ScheduleTarget Target,
    string Family,
    int Trials,
    MetricStatistics? Metric,
    IReadOnlyList<double> Values);

/// <summary>One trial chosen for display, with its whole history.</summary>
/// <param name="Rank">The rank of the trial's combination.</param>
/// <param name="Metric">The trial's final sweep-metric value.</param>
/// <param name="History">Every epoch the trial reported.</param>
public sealed record RankedTrial(
    int Rank,
    int Combination,
    int Index,
    long Seed,
    double Metric,
    IReadOnlyList<AxisValue> Axes,
    IReadOnlyList<EpochRecord> History);

/// <summary>A trial that failed or diverged.</summary>
/// <param name="Error">The error message (failed) or the reason (diverged); null if none was recorded.</param>
/// <param name="Silos">Every silo an attempt ran on, in order.</param>
public sealed record FailureEntry(
    int Index,
    int Combination,
    long Seed,
    TrialStatus Status,
    string? Error,
    int Attempts,
    IReadOnlyList<string> Silos);
