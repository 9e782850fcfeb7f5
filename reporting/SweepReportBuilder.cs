// Builds a SweepReport from a SweepReportInput: header counts and times, the ranking, the per-axis and per-family
// summaries, the trials to plot, the failures, the trials the scheduler stopped, PBT's exploits and the top
// combinations' held-out test evaluations (after the ranking, which never reads them) and a multi-objective sweep's
// Pareto front. Everything is
// computed over every trial; ReportLimits then cuts the long lists (ranking, axis values, plotted values) of a large
// sweep. Pure and deterministic; it does no I/O and no rendering.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Reporting;

/// <summary>
/// Aggregates a sweep's trials into its ranked report.
/// <para>Ranking: one row per combination, aggregated over its seeds. Only completed trials with a finite metric
/// count towards the metric (mean, sample standard deviation, 95% Student-t interval of the mean). Rows with a
/// metric come first, ordered by mean according to the goal; equal means put the row with more such seeds first,
/// then the lower combination number. Rows without a metric (all seeds diverged, failed or not finished) come last,
/// by combination number. Ranks are 1, 2, 3, … with no ties.</para>
/// <para>Two different "best": the <b>best trial</b> is the single completed trial with the best metric (lower index on
/// equal metric), what the progress line shows; the <b>top combination</b> (best mean over seeds) is the rank-1 row, and
/// the report shows its best completed seed with its history, so the headline agrees with the ranking rather than with
/// one lucky seed of a worse combination.</para>
/// <para>Elapsed time runs from creation to the end (null while the sweep runs, so the report does not depend on when
/// it is made); compute time is the sum of every trial's training time.</para>
/// <para>Limits (<see cref="ReportLimits"/>): the ranking keeps its top rows and counts the rest in
/// <see cref="SweepReport.TotalCombinations"/>; the header, the summaries' statistics, the best trial, the curves and the
/// failures are over every trial.</para>
/// </summary>
public static class SweepReportBuilder
{
    /// <summary>How many of the top combinations get a learning curve in <see cref="SweepReport.TopCurves"/>.</summary>
    public const int CurveCombinations = 5;

    /// <summary>Builds the report within <paramref name="limits"/> (<see cref="ReportLimits.Default"/> when null). Throws
    /// <see cref="ArgumentException"/> when a result has no trial or a trial two results.</summary>
    public static SweepReport Build(SweepReportInput input, ReportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        limits ??= ReportLimits.Default;
        var entries = TrialEntry.Join(input);
        var ranking = RankingBuilder.Build(entries, input.Metric);
        var curves = TopCurves(entries, ranking, input.Metric);
        var cut = ranking.Count > limits.RankingRows;

        return new SweepReport(
            Header(input, entries),
            cut ? ranking.Take(limits.RankingRows).ToArray() : ranking,
            AxisSummaryBuilder.Build(entries, input.Metric, limits.AxisValues, input.Strategy),
            FamilySummaryBuilder.Build(entries, MetricRange.Of(input.Metric.Name), limits.PlottedValues),
            curves.Count > 0 ? curves[0] : null,
            curves,
            Failures(entries),
            Stopped(entries, input.Metric),
            Exploits(entries),
            TotalCombinations: cut ? ranking.Count : null,
            BestTrial: BestSingleTrial(entries, ranking, input.Metric),
            HeldOutTest: HeldOutTestBuilder.Build(entries, ranking),
            ParetoFront: ParetoFrontBuilder.Build(entries, ranking, input.Objectives, input.Metric));
    }

    private static BestTrial? BestSingleTrial(IReadOnlyList<TrialEntry> entries, IReadOnlyList<RankingRow> ranking, MetricSpec metric)
    {
        TrialEntry? best = null;
        foreach (var entry in entries.Where(e => e.MetricValue is not null))
        {
            if (best is null || metric.IsBetter(entry.MetricValue!.Value, best.MetricValue!.Value)) best = entry;
        }
        if (best is null) return null;
        var rank = ranking.First(row => row.Combination == best.Combination).Rank;
        return new BestTrial(best.Index, best.Combination, best.Configuration.Seed, best.MetricValue!.Value, rank, RankingBuilder.AxesOf(best));
    }

    private static IReadOnlyList<ExploitEntry> Exploits(IReadOnlyList<TrialEntry> entries) =>
        entries
            .SelectMany(e => (e.Result?.Exploits ?? []).OrderBy(x => x.Epoch)
                .Select(x => new ExploitEntry(e.Index, e.Combination, e.Configuration.Seed, x, ExploreDescription.Of(x))))
            .ToArray();

    private static IReadOnlyList<StoppedEntry> Stopped(IReadOnlyList<TrialEntry> entries, MetricSpec metric) =>
        entries
            .Where(e => e.Status is TrialStatus.Pruned or TrialStatus.Paused)
            .Select(e => new StoppedEntry(e.Index, e.Combination, e.Configuration.Seed, e.Status, e.Result!.StoppedAtEpoch ?? e.EpochsRun,
                e.Result.StopReason, e.Result.History.Count > 0 ? metric.ValueOf(e.Result.History[^1]) : e.Result.Metric))
            .ToArray();

    private static ReportHeader Header(SweepReportInput input, IReadOnlyList<TrialEntry> entries)
    {
        var counts = Enum.GetValues<TrialStatus>()
            .Select(status => new StatusCount(status, entries.Count(e => e.Status == status)))
            .ToArray();
        var ran = entries.Where(e => e.Result is { Attempts: > 0 }).ToArray();
        return new ReportHeader(
            input.SweepId,
            input.Name,
            input.Status,
            input.Metric,
            counts,
            entries.Count,
            input.CreatedAt,
            input.FinishedAt,
            ComputeSeconds: entries.Sum(e => e.WallSeconds),
            MeanComputeSeconds: ran.Length > 0 ? ran.Average(e => e.WallSeconds) : null,
            ElapsedSeconds: input.FinishedAt is { } finished ? Math.Max(0, (finished - input.CreatedAt).TotalSeconds) : null);
    }

    private static IReadOnlyList<RankedTrial> TopCurves(IReadOnlyList<TrialEntry> entries, IReadOnlyList<RankingRow> ranking, MetricSpec metric)
    {
        var byCombination = entries.ToLookup(e => e.Combination);
        return ranking
            .Where(row => row.Metric is not null)
            .Take(CurveCombinations)
            .Select(row => BestOf(row, byCombination[row.Combination], metric))
            .ToArray();
    }

    private static RankedTrial BestOf(RankingRow row, IEnumerable<TrialEntry> seeds, MetricSpec metric)
    {
        TrialEntry? best = null;
        foreach (var seed in seeds.Where(e => e.MetricValue is not null).OrderBy(e => e.Index))
        {
            if (best is null || metric.IsBetter(seed.MetricValue!.Value, best.MetricValue!.Value)) best = seed;
        }
        if (best is null) throw new InvalidOperationException($"combination {row.Combination} has a metric but no completed trial");
        return new RankedTrial(row.Rank, row.Combination, best.Index, best.Configuration.Seed, best.MetricValue!.Value,
            row.Axes, best.Result!.History);
    }

    private static IReadOnlyList<FailureEntry> Failures(IReadOnlyList<TrialEntry> entries) =>
        entries
            .Where(e => e.Status is TrialStatus.Failed or TrialStatus.Diverged)
            .Select(e => new FailureEntry(e.Index, e.Combination, e.Configuration.Seed, e.Status, e.Result!.Error,
                e.Result.Attempts, e.Result.Silos))
            .ToArray();
}
