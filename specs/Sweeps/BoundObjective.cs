// One entry of a sweep spec's objectives: list as written, before the trials' task is known (the goal defaults and the
// task checks are SweepObjectivesResolver's). A plain data carrier between ObjectivesBinder and the resolvers.
using SweepCluster.Core;

namespace SweepCluster.Specs.Sweeps;

/// <summary>One bound entry of <c>objectives:</c>.</summary>
/// <param name="Name">The objective's metric.</param>
/// <param name="Goal">The goal as written; null for the metric's natural goal.</param>
/// <param name="Path">The entry's field path, e.g. "objectives[1]".</param>
/// <param name="Line">The entry's line.</param>
internal sealed record BoundObjective(MetricName Name, MetricGoal? Goal, string Path, int Line);
