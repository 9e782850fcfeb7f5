// The ranked report of a sweep: plain, immutable records that travel from the coordinator grain to its clients (Orleans'
// serializer) and round-trip through JSON (reporting's SweepReportJson). It holds aggregated numbers only; building them
// is reporting's SweepReportBuilder's job and drawing them the renderers'. A large sweep's report lists only the top of
// its long tables (reporting's ReportLimits) and says how much there was in all; its counts and summaries are over
// every trial.
using System.Text.Json.Serialization;
using SweepCluster.Core.Specs;

namespace SweepCluster.Core.Reports;

/// <summary>The ranked report of one sweep.</summary>
/// <param name="Header">Identity, state, metric and trial counts.</param>
/// <param name="Ranking">One row per combination, best first (see <c>SweepReportBuilder</c> for the order); only the top
/// ones when the sweep has more combinations than the report lists (<paramref name="TotalCombinations"/>).</param>
/// <param name="Axes">For each searched path, the metric by value.</param>
/// <param name="Families">The metric by schedule family, per schedule target.</param>
/// <param name="TopCombination">The top combination (best mean over seeds): its best completed seed, with its history;
/// null when no trial completed. JSON: <c>top_combination</c>.</param>
/// <param name="TopCurves">The best completed trial of each of the top combinations (at most
/// <c>SweepReportBuilder.CurveCombinations</c>), in rank order, for learning-curve plots.</param>
/// <param name="Failures">Every failed or diverged trial, by trial index.</param>
/// <param name="Stopped">Every trial the trial scheduler stopped (Pruned) or holds (Paused): at which epoch and why.</param>
/// <param name="Exploits">Every PBT exploit, by trial index then epoch: the ranking keeps a trial's sampled axes, these
/// say whose checkpoint and hyperparameters it copied since, and how it perturbed them.</param>
/// <param name="TotalCombinations">How many combinations the sweep has in all when <paramref name="Ranking"/> lists only
/// the top ones; null when it lists every combination (and then absent from the JSON form).</param>
/// <param name="BestTrial">The best trial: the single completed trial with the best metric, whatever its combination's
/// rank (what the progress line and the live page call "best trial"); null when no trial completed. JSON: <c>best_trial</c>.</param>
/// <param name="HeldOutTest">The top combinations' evaluations on the held-out test rows, in rank order: measured once,
/// on final weights, on data no decision saw (the ranking never reads them); null when no trial has a test split (and
/// then absent from the JSON form).</param>
/// <param name="ParetoFront">A multi-objective sweep: the combinations no other beats on every objective; null for a
/// single-objective sweep (and then absent from the JSON form).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepReport")]
public sealed record SweepReport(
    [property: Id(0)] ReportHeader Header,
    [property: Id(1)] IReadOnlyList<RankingRow> Ranking,
    [property: Id(2)] IReadOnlyList<AxisSummary> Axes,
    [property: Id(3)] IReadOnlyList<FamilySummary> Families,
    [property: Id(4)] RankedTrial? TopCombination,
    [property: Id(5)] IReadOnlyList<RankedTrial> TopCurves,
    [property: Id(6)] IReadOnlyList<FailureEntry> Failures,
    [property: Id(7)] IReadOnlyList<StoppedEntry>? Stopped = null,
    [property: Id(8)] IReadOnlyList<ExploitEntry>? Exploits = null,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalCombinations = null,
    [property: Id(10)] BestTrial? BestTrial = null,
    [property: Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HeldOutTestRow>? HeldOutTest = null,
    [property: Id(12), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ParetoFront? ParetoFront = null)
{
    /// <summary>Whether <see cref="Ranking"/> lists only the top of the sweep's combinations.</summary>
    [JsonIgnore]
    public bool IsRankingCut => TotalCombinations is { } total && total > Ranking.Count;
}

/// <summary>The best trial: the single completed trial with the best metric (lowest trial index on equal values).</summary>
/// <param name="Rank">The rank of the trial's combination in the ranking (by mean over seeds).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.BestTrial")]
public sealed record BestTrial(
    [property: Id(0)] int Index,
    [property: Id(1)] int Combination,
    [property: Id(2)] long Seed,
    [property: Id(3)] double Metric,
    [property: Id(4)] int Rank,
    [property: Id(5)] IReadOnlyList<AxisValue> Axes);

/// <summary>A trial the trial scheduler stopped early (Pruned) or holds at a boundary (Paused).</summary>
/// <param name="Epoch">The epoch it stopped after.</param>
/// <param name="Reason">The scheduler's reason, e.g. "rung 0 (epoch 1): not in the top 1/3".</param>
/// <param name="Metric">The sweep metric at that epoch, when there is one.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.StoppedEntry")]
public sealed record StoppedEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] int Combination,
    [property: Id(2)] long Seed,
    [property: Id(3)] TrialStatus Status,
    [property: Id(4)] int Epoch,
    [property: Id(5)] string? Reason,
    [property: Id(6)] double? Metric);

/// <summary>A trial that restarted from another trial's checkpoint (PBT's exploit), and how it explored.</summary>
/// <param name="Index">The trial that copied.</param>
/// <param name="Exploit">When, from whom and with which factors.</param>
/// <param name="Explore">The explore step in words (tuning's <c>ExploreDescription</c>), e.g. "learning rate ×1.2, weight decay ×0.8, batch size ×1.2".</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.ExploitEntry")]
public sealed record ExploitEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] int Combination,
    [property: Id(2)] long Seed,
    [property: Id(3)] ExploitEvent Exploit,
    [property: Id(4)] string Explore);

/// <summary>The sweep's identity, state and totals.</summary>
/// <param name="StatusCounts">How many trials are in each <see cref="TrialStatus"/>, every status listed, in enum order.</param>
/// <param name="TotalTrials">All trials of the sweep, pending ones included.</param>
/// <param name="ComputeSeconds">Compute time: training time summed over every trial and attempt (trials that ran side
/// by side all count), not how long the sweep took. JSON: <c>compute_seconds</c>.</param>
/// <param name="MeanComputeSeconds">Mean training time of the trials that have run at least one attempt; null if none has.</param>
/// <param name="ElapsedSeconds">Elapsed time: from the sweep's creation to its end; null while it runs (the report is
/// the same whenever it is made). JSON: <c>elapsed_seconds</c>.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.ReportHeader")]
public sealed record ReportHeader(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepStatus Status,
    [property: Id(3)] MetricSpec Metric,
    [property: Id(4)] IReadOnlyList<StatusCount> StatusCounts,
    [property: Id(5)] int TotalTrials,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] double ComputeSeconds,
    [property: Id(9)] double? MeanComputeSeconds,
    [property: Id(10)] double? ElapsedSeconds = null)
{
    /// <summary>How many trials are in <paramref name="status"/>.</summary>
    public int CountOf(TrialStatus status) => StatusCounts.Where(c => c.Status == status).Sum(c => c.Count);
}

/// <summary>How many trials are in one status.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.StatusCount")]
public sealed record StatusCount([property: Id(0)] TrialStatus Status, [property: Id(1)] int Count);

/// <summary>One searched field and the value chosen for it, in words (e.g. "learning_rate" → "inverse_time(0.1, α=0.01, β=0.5)").</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.AxisValue")]
public sealed record AxisValue([property: Id(0)] string Path, [property: Id(1)] string Value);

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
/// <param name="WallSeconds">Compute time: training time summed over the combination's trials and attempts. JSON:
/// <c>compute_seconds</c>.</param>
/// <param name="Silos">Every silo that ran an attempt of the combination, distinct, in ordinal order.</param>
/// <param name="Pruned">Trials the trial scheduler stopped early (ASHA, median stopping): no final metric.</param>
/// <param name="VersusTop">How the combination's mean compares with the top combination's (reporting's
/// <c>TieWithTop</c> states the rule).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.RankingRow")]
public sealed record RankingRow(
    [property: Id(0)] int Rank,
    [property: Id(1)] int Combination,
    [property: Id(2)] IReadOnlyList<AxisValue> Axes,
    [property: Id(3)] MetricStatistics? Metric,
    [property: Id(4)] int Trials,
    [property: Id(5)] int Completed,
    [property: Id(6)] int Diverged,
    [property: Id(7)] int Failed,
    [property: Id(8)] double? MeanEpochs,
    [property: Id(9), JsonPropertyName("compute_seconds")] double WallSeconds,
    [property: Id(10)] IReadOnlyList<string> Silos,
    [property: Id(11)] int Pruned = 0,
    [property: Id(12)] VersusTop VersusTop = VersusTop.NotTested);

/// <summary>How a combination's mean compares with the top combination's (rank 1).</summary>
public enum VersusTop
{
    /// <summary>Not compared: this or the top combination has fewer than two seeds with a metric.</summary>
    NotTested,

    /// <summary>The top combination itself.</summary>
    Top,

    /// <summary>Statistically tied with the top combination: the test does not tell the two means apart.</summary>
    Tied,

    /// <summary>Worse than the top combination, beyond the test's doubt.</summary>
    Worse,
}

/// <summary>The metric by value of one searched path.</summary>
/// <param name="Values">Every value in the order trials first used it; when the path has more values than the report
/// lists, only those with the best mean, best first (<paramref name="TotalValues"/> counts them all).</param>
/// <param name="TotalValues">How many values the path has in all when <paramref name="Values"/> lists only some; null
/// when it lists every one (and then absent from the JSON form).</param>
/// <param name="SampledValues">A random search's axis whose sampled values were binned: how many distinct values it
/// had; each row of <paramref name="Values"/> is then a quantile bin, a range of values (reporting's <c>AxisBins</c>).
/// Null when every row is one value (and then absent from the JSON form).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.AxisSummary")]
public sealed record AxisSummary(
    [property: Id(0)] string Path,
    [property: Id(1)] IReadOnlyList<AxisValueSummary> Values,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalValues = null,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SampledValues = null)
{
    /// <summary>Whether <see cref="Values"/> lists only some of the path's values.</summary>
    [JsonIgnore]
    public bool IsCut => TotalValues is { } total && total > Values.Count;
}

/// <summary>The metric of the completed trials that share one value of an axis.</summary>
/// <param name="Value">The value, in words.</param>
/// <param name="Trials">All trials with this value.</param>
/// <param name="Completed">Completed trials with a metric value (what <paramref name="Mean"/> is over).</param>
/// <param name="Mean">Mean metric; null when <paramref name="Completed"/> is 0.</param>
/// <param name="Best">Best metric according to the goal; null when <paramref name="Completed"/> is 0.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.AxisValueSummary")]
public sealed record AxisValueSummary(
    [property: Id(0)] string Value,
    [property: Id(1)] int Trials,
    [property: Id(2)] int Completed,
    [property: Id(3)] double? Mean,
    [property: Id(4)] double? Best);

/// <summary>The metric of every completed trial whose schedule for <paramref name="Target"/> is of one family.</summary>
/// <param name="Target">Which schedule: learning rate, weight decay or batch size.</param>
/// <param name="Family">The family's spec name, snake_case (e.g. "inverse_time").</param>
/// <param name="Trials">All trials with this family.</param>
/// <param name="Metric">Statistics over the completed trials' metric values; null when none completed.</param>
/// <param name="Values">Each completed trial's metric value, by trial index (the individual points of a plot); past the
/// report's limit on plotted values, that many evenly spaced quantiles of them instead, smallest first, the smallest and
/// largest included. <paramref name="Metric"/>'s count is always the number of completed trials.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.FamilySummary")]
public sealed record FamilySummary(
    [property: Id(0)] ScheduleTarget Target,
    [property: Id(1)] string Family,
    [property: Id(2)] int Trials,
    [property: Id(3)] MetricStatistics? Metric,
    [property: Id(4)] IReadOnlyList<double> Values)
{
    /// <summary>Completed trials with a metric value: what <see cref="Metric"/> is over (<see cref="Values"/> may hold fewer).</summary>
    [JsonIgnore]
    public int Completed => Metric?.Count ?? 0;
}

/// <summary>One trial chosen for display, with its whole history.</summary>
/// <param name="Rank">The rank of the trial's combination.</param>
/// <param name="Metric">The trial's final sweep-metric value.</param>
/// <param name="History">Every epoch the trial reported.</param>
/// <param name="Applied">The schedules the trial applied at every step, thinned to a bounded trace; null when the
/// report has none (a trial whose checkpoint could not be read, a report from older JSON; then absent from the JSON).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.RankedTrial")]
public sealed record RankedTrial(
    [property: Id(0)] int Rank,
    [property: Id(1)] int Combination,
    [property: Id(2)] int Index,
    [property: Id(3)] long Seed,
    [property: Id(4)] double Metric,
    [property: Id(5)] IReadOnlyList<AxisValue> Axes,
    [property: Id(6)] IReadOnlyList<EpochRecord> History,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AppliedSteps? Applied = null);

/// <summary>A trial that failed or diverged.</summary>
/// <param name="Error">The error message (failed) or the reason (diverged); null if none was recorded.</param>
/// <param name="Silos">Every silo an attempt ran on, in order.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.FailureEntry")]
public sealed record FailureEntry(
    [property: Id(0)] int Index,
    [property: Id(1)] int Combination,
    [property: Id(2)] long Seed,
    [property: Id(3)] TrialStatus Status,
    [property: Id(4)] string? Error,
    [property: Id(5)] int Attempts,
    [property: Id(6)] IReadOnlyList<string> Silos);
