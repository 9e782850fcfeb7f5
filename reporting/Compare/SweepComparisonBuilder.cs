// Builds a SweepComparison from the reports of two or more sweeps: it checks that they rank by one metric, picks the
// leader (best top-combination mean by the goal; the first named on an equal mean) and tests each other sweep's top
// combination against it. Pure; it reads no cluster and formats nothing.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Compare;

/// <summary>Compares sweep reports.</summary>
public static class SweepComparisonBuilder
{
    /// <summary>The fewest sweeps a comparison needs.</summary>
    public const int MinSweeps = 2;

    /// <summary>The comparison of <paramref name="reports"/>, in their order.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinSweeps"/> reports, or one sweep named twice.</exception>
    public static SweepComparison Build(IReadOnlyList<SweepReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count < MinSweeps) throw new ArgumentException($"a comparison needs at least {MinSweeps} sweeps, got {reports.Count}", nameof(reports));
        var twice = reports.GroupBy(r => r.Header.SweepId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"sweep {twice.Key} is named more than once", nameof(reports));

        var metric = reports[0].Header.Metric;
        var shared = reports.All(r => r.Header.Metric == metric) ? metric : null;
        var leader = shared is null ? null : Leader(reports, shared);
        var leaderStats = leader is null ? null : TopRow(leader)!.Metric;

        return new SweepComparison(shared, reports.Select(report =>
        {
            var top = TopRow(report);
            var versus = ReferenceEquals(report, leader) ? VersusTop.Top
                : leaderStats is null || top?.Metric is null ? VersusTop.NotTested
                : TieWithTop.Compare(leaderStats, top.Metric);
            return new ComparedSweep(report.Header, report.BestTrial, top, report.TopCombination, versus);
        }).ToArray());
    }

    /// <summary>The report whose top combination has the best mean; the first of equal ones; null when none has a mean.</summary>
    private static SweepReport? Leader(IReadOnlyList<SweepReport> reports, MetricSpec metric)
    {
        SweepReport? leader = null;
        foreach (var report in reports)
        {
            if (TopRow(report)?.Metric is not { } stats) continue;
            if (leader is null || metric.IsBetter(stats.Mean, TopRow(leader)!.Metric!.Mean)) leader = report;
        }
        return leader;
    }

    /// <summary>The rank-1 row when it has a metric (the ranking puts rows with a metric first).</summary>
    private static RankingRow? TopRow(SweepReport report) =>
        report.Ranking is [{ Metric: not null } first, ..] ? first : null;
}
