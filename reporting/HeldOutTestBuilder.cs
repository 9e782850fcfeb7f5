// The report's held-out test section: for the top combinations of the ranking (already decided, and never changed
// here), the mean ± standard deviation over completed seeds of their evaluations on the held-out test rows. Pure and
// deterministic: rows follow the ranking, seeds are taken in trial order.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

internal static class HeldOutTestBuilder
{
    /// <summary>How many of the top combinations the section covers: the same ones as the learning curves.</summary>
    public const int Combinations = SweepReportBuilder.CurveCombinations;

    /// <summary>The section's rows, or null when no trial of the sweep has a test evaluation.</summary>
    /// <param name="ranking">The whole ranking, best first.</param>
    public static IReadOnlyList<HeldOutTestRow>? Build(IReadOnlyList<TrialEntry> entries, IReadOnlyList<RankingRow> ranking)
    {
        if (!entries.Any(e => Evaluated(e) is not null)) return null;
        var byCombination = entries.ToLookup(e => e.Combination);
        return ranking
            .Where(row => row.Metric is not null)
            .Take(Combinations)
            .Select(row => RowOf(row, byCombination[row.Combination]))
            .OfType<HeldOutTestRow>()
            .ToArray();
    }

    private static HeldOutTestRow? RowOf(RankingRow row, IEnumerable<TrialEntry> seeds)
    {
        var tests = seeds.OrderBy(e => e.Index).Select(Evaluated).OfType<HeldOutEvaluation>().ToArray();
        if (tests.Length == 0) return null;
        var r2 = tests.Select(t => t.R2).OfType<double>().ToArray();
        return new HeldOutTestRow(row.Rank, row.Combination, row.Axes,
            r2.Length > 0 ? HeldOutTestRow.Rmse : HeldOutTestRow.Accuracy,
            MetricStatistics.Of(tests.Select(t => t.Metric).ToArray())!,
            MetricStatistics.Of(tests.Select(t => t.Loss).ToArray())!,
            r2.Length > 0 ? MetricStatistics.Of(r2) : null,
            tests[0].Rows);
    }

    /// <summary>A completed trial's test evaluation with finite numbers; null otherwise.</summary>
    private static HeldOutEvaluation? Evaluated(TrialEntry entry) =>
        entry is { Status: TrialStatus.Completed, Result.Test: { } test } && double.IsFinite(test.Metric) && double.IsFinite(test.Loss)
            ? test
            : null;
}
