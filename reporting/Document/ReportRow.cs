// One row of a report table: its cells (text and kind, one per column), how it stands out, and optionally the row as
// one sentence for layouts that list rows instead of tabulating them (the terminal's failures). No layout here.
namespace SweepCluster.Reporting.Document;

/// <summary>A row of a <see cref="ReportTable"/>.</summary>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, RowEmphasis Emphasis = RowEmphasis.None)
{
    /// <summary>The row as one sentence ("trial 3 (combination 1, seed 2) failed: …"), for list layouts; null when the
    /// row is only ever tabulated.</summary>
    public string? Sentence { get; init; }
}
