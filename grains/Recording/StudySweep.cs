// A sweep's row in the study tables, as the coordinator knows it: what the recorder writes to the sweeps table.
using SweepCluster.Core;

namespace SweepCluster.Grains.Recording;

/// <param name="Id">The sweep id.</param>
/// <param name="Name">The spec's name.</param>
/// <param name="SpecText">The spec file's text, as submitted.</param>
/// <param name="Status">Running, or how it ended.</param>
/// <param name="Created">When it was submitted.</param>
/// <param name="Finished">When it ended; null while it runs.</param>
/// <param name="Metric">The metric trials are ranked by, with its goal.</param>
public sealed record StudySweep(
    string Id, string Name, string SpecText, SweepStatus Status, DateTimeOffset Created, DateTimeOffset? Finished, MetricSpec Metric);
