// The output formats of a sweep report and their file extensions. It does not render anything.
namespace SweepCluster.Reporting;

/// <summary>The formats a <see cref="SweepReport"/> can be rendered in.</summary>
public enum ReportFormat
{
    /// <summary>Plain-text tables for a terminal (Spectre.Console, no colour when rendered to a string).</summary>
    Table,

    /// <summary>GitHub-flavoured Markdown.</summary>
    Markdown,

    /// <summary>One RFC 4180 row per combination.</summary>
    Csv,

    /// <summary>The report itself as indented JSON (snake_case).</summary>
    Json,

    /// <summary>A self-contained HTML page with interactive charts (the charting library inlined; works offline).</summary>
    Html,
}
