// The held-out test section in the CSV form: a sweep with a test split gets trailing columns on the ranking's rows,
// filled for the top combinations the section covers and empty for the rest (the CSV stays one table). A sweep
// without one gets no such columns, so its CSV is what it was.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Csv;

internal sealed class CsvHeldOutTestColumns
{
    private static readonly string[] Headings = ["test_metric_name", "test_metric_mean", "test_metric_std", "test_loss_mean", "test_seeds"];

    /// <summary>The section's rows by combination; null without a test split.</summary>
    private readonly IReadOnlyDictionary<int, HeldOutTestRow>? _byCombination;

    private CsvHeldOutTestColumns(IReadOnlyList<HeldOutTestRow>? rows) =>
        _byCombination = rows?.ToDictionary(row => row.Combination);

    public static CsvHeldOutTestColumns Of(SweepReport report) => new(report.HeldOutTest);

    private bool Any => _byCombination is not null;

    /// <summary>The headings to append; none without a test split.</summary>
    public IReadOnlyList<string> Header => Any ? Headings : [];

    /// <summary>The fields to append to <paramref name="row"/>; empty fields outside the section, none without a test split.</summary>
    public IEnumerable<string> FieldsOf(RankingRow row)
    {
        if (!Any) yield break;
        if (!_byCombination!.TryGetValue(row.Combination, out var test))
        {
            foreach (var _ in Headings) yield return "";
            yield break;
        }
        yield return test.MetricName;
        yield return ReportText.Exact(test.TestMetric.Mean);
        yield return test.TestMetric.StdDev is { } std ? ReportText.Exact(std) : "";
        yield return ReportText.Exact(test.TestLoss.Mean);
        yield return ReportText.Integer(test.TestMetric.Count);
    }
}
