// Which rows a report marks: the best one, ones statistically tied with it, ones without a metric. The terminal
// colours the best row, HTML gives each its class; Markdown marks none (the rank's tie mark is in the cell).
namespace SweepCluster.Reporting.Document;

/// <summary>How a row stands out.</summary>
public enum RowEmphasis
{
    /// <summary>An ordinary row.</summary>
    None,

    /// <summary>The best row (rank 1 with a metric).</summary>
    Best,

    /// <summary>A row statistically tied with the best one.</summary>
    TiedWithBest,

    /// <summary>A row without a metric (no completed seed).</summary>
    NoMetric,
}
