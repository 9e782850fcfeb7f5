// The checks of a page request that need no store: offset, limit and text length within bounds. The column checks
// need the sweep's columns (TrialPageColumnSet).
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Store.Study;

/// <summary>Bounds checks of a <see cref="TrialPageQuery"/>.</summary>
public static class TrialPageQueryCheck
{
    /// <exception cref="TrialQueryException">A value out of bounds; its ParamName is the request parameter.</exception>
    public static void Check(TrialPageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0)
            throw new TrialQueryException(TrialPageParameters.Offset, $"offset: {query.Offset} is negative; valid: 0 or more");
        if (query.Limit is < 1 or > TrialPageQuery.MaxLimit)
            throw new TrialQueryException(TrialPageParameters.Limit, $"limit: {query.Limit} is out of range; valid: 1 to {TrialPageQuery.MaxLimit}");
        if (query.Text is { Length: > TrialPageQuery.MaxTextLength })
            throw new TrialQueryException(TrialPageParameters.Text, $"q: {query.Text.Length} characters; valid: at most {TrialPageQuery.MaxTextLength}");
        if (query.Range is { Min: { } min, Max: { } max } && min > max)
            throw new TrialQueryException(TrialPageParameters.Range, $"range: min {min} is above max {max}; valid: min ≤ max");
        if (query.Range is { } range && (IsNotFinite(range.Min) || IsNotFinite(range.Max)))
            throw new TrialQueryException(TrialPageParameters.Range, "range: min and max must be finite numbers");
    }

    private static bool IsNotFinite(double? value) => value is { } v && !double.IsFinite(v);
}
