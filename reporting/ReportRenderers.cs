// The entry point of the renderers: picks the renderer of a format, and writes the report with it to a TextWriter or
// returns it as a string. It holds no rendering logic itself.
using System.Globalization;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Csv;
using SweepCluster.Reporting.Html;
using SweepCluster.Reporting.Json;
using SweepCluster.Reporting.Markdown;
using SweepCluster.Reporting.Terminal;

namespace SweepCluster.Reporting;

/// <summary>One renderer per <see cref="ReportFormat"/>.</summary>
public static class ReportRenderers
{
    private static readonly IReadOnlyDictionary<ReportFormat, IReportRenderer> ByFormat =
        new IReportRenderer[] { new TableRenderer(), new MarkdownRenderer(), new CsvRenderer(), new JsonRenderer(), new HtmlRenderer() }
            .ToDictionary(r => r.Format);

    /// <summary>The renderer of <paramref name="format"/>.</summary>
    public static IReportRenderer For(ReportFormat format) =>
        ByFormat.TryGetValue(format, out var renderer)
            ? renderer
            : throw new ArgumentOutOfRangeException(nameof(format), format, "no renderer for this format");

    /// <summary>Writes the report in <paramref name="format"/> to <paramref name="output"/> as it goes; the HTML page
    /// adds its per-trial charts when the sweep's <paramref name="runs"/> are given (the other formats do not use them).</summary>
    public static void Write(SweepReport report, ReportFormat format, TextWriter output, SweepRunTables? runs = null)
    {
        if (For(format) is HtmlRenderer) HtmlRenderer.Write(report, runs, output);
        else For(format).Write(report, output);
    }

    /// <summary>The report as text in <paramref name="format"/>: what <see cref="Write"/> writes, as one string (for tests,
    /// the web pages and other small outputs; files and the console get <see cref="Write"/>).</summary>
    public static string Render(SweepReport report, ReportFormat format, SweepRunTables? runs = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, format, text, runs);
        return text.ToString();
    }

    /// <summary>The file extension of <paramref name="format"/>, with the leading dot (".html").</summary>
    public static string FileExtension(ReportFormat format) => For(format).FileExtension;
}
