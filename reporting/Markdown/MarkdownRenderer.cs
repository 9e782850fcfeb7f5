// The Markdown format: the summary as a heading and a bullet list, then the report document's sections (ranking,
// metric by axis value and by schedule family, the top combination, held-out test, failures, stopped trials, PBT's
// exploits) laid out by MarkdownDocument. Every user string goes through MarkdownText. No charts. Streamed to a TextWriter.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Document;

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
        var document = ReportDocumentBuilder.Build(report);
        WriteSummary(output, document.Summary);
        MarkdownDocument.Write(output, document);
    }

    private static void WriteSummary(TextWriter output, ReportSummary summary)
    {
        Paragraph(output, $"# Sweep report: {MarkdownText.Escape(summary.Name)}");
        output.WriteLine($"- **Sweep:** {MarkdownText.Code(summary.SweepId)} ({summary.Status})");
        output.WriteLine($"- **Metric:** {MarkdownText.Code(summary.Metric)}");
        output.WriteLine($"- **Trials:** {summary.TotalTrials} ({summary.StatusCounts})");
        output.WriteLine($"- **Created:** {summary.Created}" + (summary.Finished is { } finished ? $"; **finished:** {finished}" : ""));
        output.WriteLine($"- **Time:** {summary.Times}");
        Paragraph(output, $"- **Best trial:** {MarkdownText.Escape(summary.BestTrial)}");
    }

    private static void Paragraph(TextWriter output, string text) => MarkdownDocument.Paragraph(output, text);
}
