// How a column's cells line up. Layout-neutral: the terminal, Markdown and HTML writers each turn it into their own
// alignment.
namespace SweepCluster.Reporting.Document;

/// <summary>How a column's cells are aligned.</summary>
public enum ColumnAlignment { Left, Right }
