// The CSV format, written record by record: one row per combination in rank order with a header row; RFC 4180
// (comma, CRLF, quoted fields), numbers exact and in the invariant culture, empty fields for missing values. It holds
// no per-trial rows: the trials the scheduler pruned and the PBT exploits of each combination are counted in two
// columns, and the next says how it compares with the top combination (top, tied, worse, not_tested). A large sweep's
// cut ranking (ReportLimits) starts with one comment line, "# The report ranks only the top 100 of …", before the
// header. A multi-objective sweep gets a pareto_front column (CsvParetoFrontColumn), and a sweep with a held-out test
// split its test columns last (CsvHeldOutTestColumns).
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Csv;

/// <summary>Renders the ranking as CSV.</summary>
public sealed class CsvRenderer : IReportRenderer
{
    /// <summary>RFC 4180 record separator.</summary>
    public const string LineEnd = "\r\n";

    /// <summary>Starts the line before the header that says a large sweep's ranking was cut (pandas: <c>comment="#"</c>).</summary>
    public const string CommentPrefix = "# ";

    /// <summary>Separates silo names inside the silos field.</summary>
    public const string SiloSeparator = ";";

    private static readonly string[] LeadingColumns = ["rank", "combination"];

    private static readonly string[] TrailingColumns =
        ["metric_mean", "metric_std", "ci_low", "ci_high", "completed", "diverged", "failed", "epochs", "compute_seconds", "silos", "pruned", "pbt_exploits", "versus_top"];

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Csv;

    /// <inheritdoc />
    public string FileExtension => ".csv";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var exploits = ExploitMarks.Of(report);
        var tests = CsvHeldOutTestColumns.Of(report);
        var front = CsvParetoFrontColumn.Of(report);
        if (ReportCuts.RankingNote(report) is { } cut) WriteRecord(output, CommentPrefix + cut);
        WriteRecord(output, Line([.. LeadingColumns, .. axisPaths, .. TrailingColumns, .. front.Header, .. tests.Header]));
        foreach (var row in report.Ranking)
            WriteRecord(output, Line(Fields(row, axisPaths, exploits).Concat(front.FieldsOf(row)).Concat(tests.FieldsOf(row))));
    }

    private static void WriteRecord(TextWriter output, string line)
    {
        output.Write(line);
        output.Write(LineEnd);
    }

    private static IEnumerable<string> Fields(RankingRow row, IReadOnlyList<string> axisPaths, ExploitMarks exploits)
    {
        yield return ReportText.Integer(row.Rank);
        yield return ReportText.Integer(row.Combination);
        foreach (var path in axisPaths) yield return row.Axes.FirstOrDefault(a => a.Path == path)?.Value ?? "";
        yield return Optional(row.Metric?.Mean);
        yield return Optional(row.Metric?.StdDev);
        yield return Optional(row.Metric?.CiLow);
        yield return Optional(row.Metric?.CiHigh);
        yield return ReportText.Integer(row.Completed);
        yield return ReportText.Integer(row.Diverged);
        yield return ReportText.Integer(row.Failed);
        yield return Optional(row.MeanEpochs);
        yield return ReportText.Exact(row.WallSeconds);
        yield return string.Join(SiloSeparator, row.Silos);
        yield return ReportText.Integer(row.Pruned);
        yield return ReportText.Integer(exploits.CountFor(row.Combination));
        yield return ReportText.Name(row.VersusTop);
    }

    private static string Optional(double? value) => value is { } v ? ReportText.Exact(v) : "";

    private static string Line(IEnumerable<string> fields) => string.Join(",", fields.Select(CsvField.Quote));
}
