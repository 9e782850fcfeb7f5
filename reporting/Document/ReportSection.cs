// A format-neutral section of the report: which section it is, its heading, its paragraphs, facts and tables, and its
// tone. It lays nothing out; writers choose which parts fit them (a terminal shows facts where a page shows a history).
namespace SweepCluster.Reporting.Document;

/// <summary>A section: heading, then paragraphs, facts and tables in that order.</summary>
public sealed record ReportSection(SectionId Id, string Heading)
{
    /// <summary>How its heading reads where it is listed.</summary>
    public SectionTone Tone { get; init; } = SectionTone.Normal;

    /// <summary>Its paragraphs, in order.</summary>
    public IReadOnlyList<ReportParagraph> Paragraphs { get; init; } = [];

    /// <summary>Its named values, in order.</summary>
    public IReadOnlyList<ReportFact> Facts { get; init; } = [];

    /// <summary>Its tables, in order.</summary>
    public IReadOnlyList<ReportTable> Tables { get; init; } = [];
}
