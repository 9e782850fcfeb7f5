// The Pareto front of a multi-objective sweep, as the report carries it: the objectives with their goals, how many
// combinations were compared, and the combinations no other beats on every objective at once, each with its mean of
// every objective over its completed seeds. Plain records; reporting's ParetoFrontBuilder computes them.
using SweepCluster.Core;

namespace SweepCluster.Core.Reports;

/// <summary>The non-dominated combinations of a multi-objective sweep.</summary>
/// <param name="Objectives">The sweep's objectives, in spec order, each with its goal.</param>
/// <param name="Primary">The objective the rows are sorted by (the sweep metric).</param>
/// <param name="Compared">How many combinations had a completed seed with every objective's value: the set the front
/// is taken from.</param>
/// <param name="Rows">The front, sorted by the primary objective's mean (best first; equal means by combination).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.ParetoFront")]
public sealed record ParetoFront(
    [property: Id(0)] IReadOnlyList<MetricSpec> Objectives,
    [property: Id(1)] MetricSpec Primary,
    [property: Id(2)] int Compared,
    [property: Id(3)] IReadOnlyList<ParetoFrontRow> Rows);

/// <summary>One combination on the Pareto front.</summary>
/// <param name="Rank">The combination's rank in the ranking (by the primary objective).</param>
/// <param name="Means">Each objective's mean over <paramref name="Seeds"/>, in <see cref="ParetoFront.Objectives"/>' order.</param>
/// <param name="Seeds">The completed seeds the means are over.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.ParetoFrontRow")]
public sealed record ParetoFrontRow(
    [property: Id(0)] int Rank,
    [property: Id(1)] int Combination,
    [property: Id(2)] IReadOnlyList<AxisValue> Axes,
    [property: Id(3)] IReadOnlyList<double> Means,
    [property: Id(4)] int Seeds);
