// The Markdown format: the summary as a heading and a bullet list, then the report document's sections (ranking,
// metric by axis value and by schedule family, the top combination, held-out test, failures, stopped trials, PBT's
// exploits) laid out by MarkdownDocument. Every user string goes through MarkdownText. No charts. Streamed to a TextWriter.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Document;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Markdown;

/// <summary>Renders the report as GitHub-flavoured Markdown.</summary>
public sealed class MarkdownRenderer : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteSummary(output, report);
        MarkdownDocument.Write(output, ReportDocumentBuilder.Build(report));
    }

    private static void WriteSummary(TextWriter output, SweepReport report)
    {
        var header = report.Header;
        Paragraph(output, $"# Sweep report: {MarkdownText.Escape(header.Name)}");
        output.WriteLine($"- **Sweep:** {MarkdownText.Code(header.SweepId)} ({ReportText.Name(header.Status)})");
        output.WriteLine($"- **Metric:** {MarkdownText.Code(ReportText.Metric(header.Metric))}");
        output.WriteLine($"- **Trials:** {header.TotalTrials} ({ReportText.StatusCounts(header)})");
        output.WriteLine($"- **Created:** {ReportText.Timestamp(header.CreatedAt)}" +
            (header.FinishedAt is { } finished ? $"; **finished:** {ReportText.Timestamp(finished)}" : ""));
        output.WriteLine($"- **Time:** {ReportWords.Times(header)}");
        Paragraph(output, $"- **Best trial:** {MarkdownText.Escape(ReportWords.BestTrialDescription(report))}");
    }

    private static void Paragraph(TextWriter output, string text) => MarkdownDocument.Paragraph(output, text);
}
