// One column of a run table: its name as readers see it (the store's column name) and the type of its cells.
namespace SweepCluster.Core.Reports;

/// <summary>A named, typed column of a <see cref="RunTable"/>.</summary>
/// <param name="Name">The header, e.g. "best_metric" or "learning_rate.initial".</param>
/// <param name="Type">What every non-null cell of the column holds.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.RunColumn")]
public sealed record RunColumn([property: Id(0)] string Name, [property: Id(1)] RunValueType Type);
