// The held-out test section as words and cells, which HeldOutTestSectionBuilder puts in the report document for every
// format: its title, the note that says how it was measured and that nothing decided by it, its headings and each
// row's cells. It computes nothing (HeldOutTestBuilder does) and lays nothing out.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Formatting;

internal static class HeldOutTestText
{
    public const string Title = "Held-out test (top combinations)";

    public const string Note =
        "Measured once per trial, on its final weights, on held-out test rows that no decision saw: not training, early " +
        "stopping, the trial schedulers, adaptive policies nor the ranking, which these numbers do not change. " +
        "Mean ± sample standard deviation over the completed seeds.";

    private const string MixedMetrics = "metric";

    /// <summary>The column of the combination's axes in words: the only one that is not a number.</summary>
    private const int AxesColumn = 2;

    /// <summary>Whether any row has an R² (a regression sweep): then the section has an R² column.</summary>
    public static bool HasR2(IReadOnlyList<HeldOutTestRow> rows) => rows.Any(r => r.TestR2 is not null);

    public static IReadOnlyList<string> Headings(IReadOnlyList<HeldOutTestRow> rows)
    {
        var names = rows.Select(r => r.MetricName).Distinct().ToArray();
        var metric = names.Length == 1 ? names[0] : MixedMetrics;
        string[] r2 = HasR2(rows) ? ["test R²"] : [];
        return ["rank", "combination", "axes", $"test {metric}", "test loss", .. r2, "seeds", "test rows"];
    }

    /// <summary>One row's cells, in <see cref="Headings"/>' order; <paramref name="withR2"/> as <see cref="HasR2"/> says.</summary>
    public static IReadOnlyList<string> Cells(HeldOutTestRow row, bool withR2)
    {
        string[] r2 = withR2 ? [ReportText.MeanStd(row.TestR2)] : [];
        return
        [
            ReportText.Integer(row.Rank), ReportText.Integer(row.Combination), ReportText.Axes(row.Axes),
            ReportText.MeanStd(row.TestMetric), ReportText.MeanStd(row.TestLoss), .. r2,
            ReportText.Integer(row.TestMetric.Count), ReportText.Integer(row.TestRows),
        ];
    }

    /// <summary>Which cells are numbers (right-aligned): all but the axes.</summary>
    public static bool IsNumeric(int column) => column != AxesColumn;
}
