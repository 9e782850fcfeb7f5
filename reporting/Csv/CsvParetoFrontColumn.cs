// The Pareto front in the CSV form: a multi-objective sweep's ranking rows get one more column, pareto_front, true for
// the combinations on the front and false for the rest (pandas: df[df.pareto_front]). A one-metric sweep gets no such
// column, so its CSV is what it was.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Csv;

internal sealed class CsvParetoFrontColumn
{
    private const string Heading = "pareto_front";

    /// <summary>The combinations on the front; null for a one-metric sweep.</summary>
    private readonly IReadOnlySet<int>? _front;

    private CsvParetoFrontColumn(ParetoFront? front) => _front = front?.Rows.Select(row => row.Combination).ToHashSet();

    public static CsvParetoFrontColumn Of(SweepReport report) => new(report.ParetoFront);

    /// <summary>The heading to append; none for a one-metric sweep.</summary>
    public IReadOnlyList<string> Header => _front is null ? [] : [Heading];

    /// <summary>The field to append to <paramref name="row"/>: true or false; none for a one-metric sweep.</summary>
    public IEnumerable<string> FieldsOf(RankingRow row)
    {
        if (_front is null) yield break;
        yield return _front.Contains(row.Combination) ? "true" : "false";
    }
}
