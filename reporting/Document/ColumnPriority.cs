// Which columns a layout short of space drops, and in which order: the report declares it once per column, the
// terminal decides from its width how many priorities it can show. Markdown and HTML show every priority.
namespace SweepCluster.Reporting.Document;

/// <summary>How much a column is needed, from the one never dropped to the first dropped.</summary>
public enum ColumnPriority
{
    /// <summary>Always shown.</summary>
    Essential,

    /// <summary>Dropped by narrow layouts, after <see cref="Detail"/> (the interval column: the legend still explains it).</summary>
    Secondary,

    /// <summary>Dropped first by narrow layouts (epochs, compute time, silos); a narrow layout also stacks the
    /// <see cref="ColumnRole.Axis"/> columns into one cell when it drops these.</summary>
    Detail,

    /// <summary>A cross-reference for readers of a full page (the combination's number); layouts that identify the row
    /// by its other cells (the terminal) leave it out.</summary>
    CrossReference,
}
