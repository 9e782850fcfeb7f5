// Builds the ranking: one row per combination aggregated over its seeds, ordered by RankingOrder and numbered.
// It does not pick trials to display (SweepReportBuilder does).
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>Aggregates trials into ranked combination rows.</summary>
internal static class RankingBuilder
{
    /// <summary>Rows best first, each compared with the top one (<see cref="TieWithTop"/>).</summary>
    public static IReadOnlyList<RankingRow> Build(IReadOnlyList<TrialEntry> entries, MetricSpec metric)
    {
        var range = MetricRange.Of(metric.Name);
        var unranked = entries
            .GroupBy(e => e.Combination)
            .Select(group => Aggregate(group.OrderBy(e => e.Index).ToArray(), range))
            .ToList();
        unranked.Sort(new RankingOrder(metric.Goal));
        var top = unranked.Count > 0 ? unranked[0].Metric : null;
        return unranked.Select((row, position) => row with
        {
            Rank = position + 1,
            VersusTop = position == 0 && top is not null ? VersusTop.Top : TieWithTop.Compare(top, row.Metric),
        }).ToArray();
    }

    private static RankingRow Aggregate(IReadOnlyList<TrialEntry> seeds, MetricRange range)
    {
        var withResult = seeds.Where(e => e.Result is not null).ToArray();
        var metricValues = seeds.Where(e => e.MetricValue is not null).Select(e => e.MetricValue!.Value).ToArray();
        var silos = withResult
            .SelectMany(e => e.Result!.Silos)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

        return new RankingRow(
            Rank: 0,
            Combination: seeds[0].Combination,
            Axes: AxesOf(seeds[0]),
            Metric: MetricStatistics.Of(metricValues, range),
            Trials: seeds.Count,
            Completed: seeds.Count(e => e.Status == TrialStatus.Completed),
            Diverged: seeds.Count(e => e.Status == TrialStatus.Diverged),
            Failed: seeds.Count(e => e.Status == TrialStatus.Failed),
            MeanEpochs: withResult.Length > 0 ? withResult.Average(e => (double)e.EpochsRun) : null,
            WallSeconds: seeds.Sum(e => e.WallSeconds),
            Silos: silos,
            Pruned: seeds.Count(e => e.Status == TrialStatus.Pruned));
    }

    /// <summary>The combination's axes, taken from its lowest-index trial (all seeds share them).</summary>
    public static IReadOnlyList<AxisValue> AxesOf(TrialEntry entry) =>
        entry.Configuration.Axes.Select(a => new AxisValue(a.Key, a.Value)).ToArray();
}
