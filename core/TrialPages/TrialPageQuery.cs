// What one page of a sweep's trials asks for: where it starts, how many rows, the sort column and direction, and the
// filters (a set of statuses, a text match on text hyperparameter values, a numeric range on one column). Column names are
// plain names checked by the store against the sweep's known columns; it never builds SQL from them.
using System.Collections.Immutable;
using SweepCluster.Core.Reports;

namespace SweepCluster.Core.TrialPages;

/// <summary>A request for one page of a sweep's trials.</summary>
/// <param name="Offset">Rows skipped (after filtering and sorting), ≥ 0.</param>
/// <param name="Limit">Rows returned at most, 1 to <see cref="MaxLimit"/>.</param>
/// <param name="Sort">The column sorted by: a trials column or one of the sweep's hyperparameter columns.</param>
/// <param name="Order">The sort direction; ties are broken by trial index, ascending.</param>
/// <param name="Statuses">The statuses kept; empty keeps every status.</param>
/// <param name="Text">Keeps trials with a text hyperparameter value (a schedule family, an optimizer) containing this text,
/// ignoring ASCII case; null or empty keeps all. Numeric columns are filtered by <paramref name="Range"/>.</param>
/// <param name="Range">A numeric range on one column; null for none.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialPageQuery")]
public sealed record TrialPageQuery(
    [property: Id(0)] int Offset,
    [property: Id(1)] int Limit,
    [property: Id(2)] string Sort,
    [property: Id(3)] SortOrder Order,
    [property: Id(4)] ImmutableArray<TrialStatus> Statuses,
    [property: Id(5)] string? Text,
    [property: Id(6)] NumericRange? Range)
{
    /// <summary>The most rows one page may hold: a page never carries a whole large sweep.</summary>
    public const int MaxLimit = 500;

    /// <summary>Rows per page when the request does not say.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The longest text filter accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The column sorted by when the request does not say: the trial index.</summary>
    public const string DefaultSort = TrialColumns.Trial;

    /// <summary>The first page, sorted by trial index, without filters.</summary>
    public static TrialPageQuery First { get; } = new(0, DefaultLimit, DefaultSort, SortOrder.Ascending, [], null, null);
}
