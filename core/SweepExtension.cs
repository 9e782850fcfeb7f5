// What `sweep extend` adds to a sweep: more random combinations, more seeds for every combination, or both (the seeds
// first, so the new combinations are trained with them too). Stored with the sweep in the order they were made: the
// plan of an extended sweep is its spec plus these, re-derived on every activation.
using System.Collections.Immutable;

namespace SweepCluster.Core;

/// <param name="Combinations">Random search: combinations drawn next by the sweep's seeded searcher, each trained with
/// every seed of the sweep; 0 for none.</param>
/// <param name="Seeds">Seeds every existing combination is also trained with, in order; empty for none.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepExtension")]
public sealed record SweepExtension(
    [property: Id(0)] int Combinations,
    [property: Id(1)] ImmutableArray<long> Seeds)
{
    /// <summary>The client's id for this request (empty: none). A call retried through a failover carries the same id,
    /// and a sweep that already took an extension with this id answers as before and adds nothing more.</summary>
    [Id(2)]
    public Guid Request { get; init; }

    /// <summary>Nothing to add.</summary>
    public bool IsEmpty => Combinations == 0 && Seeds.IsDefaultOrEmpty;
}
