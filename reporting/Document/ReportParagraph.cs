// A paragraph of a section and what kind of paragraph it is (plain, the section's lead line, a spec string, an
// aside). Plain text, never markup; writers escape it.
namespace SweepCluster.Reporting.Document;

/// <summary>What kind of paragraph it is.</summary>
public enum ParagraphKind
{
    /// <summary>Ordinary words.</summary>
    Plain,

    /// <summary>The section's first line, in bold where the format has no heading for it (the terminal).</summary>
    Lead,

    /// <summary>A string from the spec, shown as code.</summary>
    Code,

    /// <summary>A side remark, dimmed where the format can.</summary>
    Aside,
}

/// <summary>A paragraph.</summary>
public sealed record ReportParagraph(string Text, ParagraphKind Kind = ParagraphKind.Plain);
