// What a table cell holds, so every writer shows it the same way: plain words, a word from the spec (code), a number
// (right-aligned figures) or a problem (an error message). It says nothing about colours or markup.
namespace SweepCluster.Reporting.Document;

/// <summary>How a table cell's text is shown.</summary>
public enum CellKind
{
    /// <summary>Plain words.</summary>
    Text,

    /// <summary>A word from the spec or the user (axis values, schedule names): monospace, never rewritten.</summary>
    Code,

    /// <summary>A number or statistic as ReportText wrote it: tabular figures, never wrapped.</summary>
    Number,

    /// <summary>A problem (an error message): marked where the format can mark it.</summary>
    Problem,
}
