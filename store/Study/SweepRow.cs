// One row of the sweeps table.
using SweepCluster.Core;

namespace SweepCluster.Store.Study;

/// <summary>A sweep as the store keeps it.</summary>
/// <param name="Id">The sweep's id (the primary key).</param>
/// <param name="Name">The spec's name.</param>
/// <param name="Spec">The spec file's text, as submitted.</param>
/// <param name="Status">Running, or how it ended.</param>
/// <param name="Created">When it was submitted (kept to the microsecond, UTC).</param>
/// <param name="Finished">When it ended; null while it runs.</param>
/// <param name="Metric">The metric trials are ranked by, with its goal.</param>
public sealed record SweepRow(
    string Id,
    string Name,
    string Spec,
    SweepStatus Status,
    DateTimeOffset Created,
    DateTimeOffset? Finished,
    MetricSpec Metric);
