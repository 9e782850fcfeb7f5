// The whole format-neutral report: its summary and its sections in reading order, built once by
// ReportDocumentBuilder. Writers only lay it out.
namespace SweepCluster.Reporting.Document;

/// <summary>The report's summary and its sections in reading order (a section with nothing to say is absent).</summary>
public sealed record ReportDocument(ReportSummary Summary, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>The section <paramref name="id"/>, or null when the report has none.</summary>
    public ReportSection? Section(SectionId id) => Sections.FirstOrDefault(s => s.Id == id);
}
