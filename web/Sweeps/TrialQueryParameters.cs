// Reads the run table's request parameters (offset, limit, sort, order, status, q, range with min and max) into a
// TrialPageQuery, or says which parameter is wrong and what would be valid. It checks forms and bounds only: whether
// a column exists is the store's answer (it knows the sweep's columns). No HTTP responses here.
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Web.Sweeps;

/// <summary>A request parameter that cannot be used: its name and a sentence saying what would be valid.</summary>
public sealed record ParameterError(string Parameter, string Message);

/// <summary>Parses the query string of <c>GET /sweeps/{id}/trials</c>.</summary>
public static class TrialQueryParameters
{
    /// <summary>The longest column name accepted (longer ones cannot be a sweep's column).</summary>
    public const int MaxColumnLength = 200;

    private static readonly IReadOnlyDictionary<string, SortOrder> Orders = new Dictionary<string, SortOrder>(StringComparer.OrdinalIgnoreCase)
    {
        ["asc"] = SortOrder.Ascending,
        ["desc"] = SortOrder.Descending,
    };

    /// <summary>The query asked for by <paramref name="parameters"/>, or the first parameter at fault.</summary>
    public static (TrialPageQuery? Query, ParameterError? Error) Parse(IQueryCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var first = TrialPageQuery.First;
        if (!Whole(parameters, TrialPageParameters.Offset, first.Offset, 0, int.MaxValue, out var offset, out var error)) return (null, error);
        if (!Whole(parameters, TrialPageParameters.Limit, first.Limit, 1, TrialPageQuery.MaxLimit, out var limit, out error)) return (null, error);
        var sort = Single(parameters, TrialPageParameters.Sort) ?? first.Sort;
        if (sort.Length is 0 or > MaxColumnLength)
            return (null, new(TrialPageParameters.Sort, $"sort: a column name of 1 to {MaxColumnLength} characters, such as {TrialColumns.Trial} or {TrialColumns.FinalMetric}"));
        var orderText = Single(parameters, TrialPageParameters.Order);
        var order = first.Order;
        if (orderText is not null && !Orders.TryGetValue(orderText, out order))
            return (null, new(TrialPageParameters.Order, $"order: '{orderText}' is not a sort order; valid: {string.Join(", ", Orders.Keys)}"));
        if (!Statuses(parameters, out var statuses, out error)) return (null, error);
        var text = Single(parameters, TrialPageParameters.Text);
        if (text is { Length: > TrialPageQuery.MaxTextLength })
            return (null, new(TrialPageParameters.Text, $"q: {text.Length} characters; valid: at most {TrialPageQuery.MaxTextLength}"));
        if (!Range(parameters, out var range, out error)) return (null, error);
        return (new TrialPageQuery(offset, limit, sort, order, statuses, string.IsNullOrEmpty(text) ? null : text, range), null);
    }

    /// <summary>A trial index from the history route, or the error naming <c>index</c>.</summary>
    public static ParameterError? TrialIndex(string text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            ? null
            : new ParameterError("index", $"index: '{text}' is not a trial index; valid: a whole number, 0 or more");

    private static bool Whole(IQueryCollection parameters, string name, int fallback, int min, int max, out int value, out ParameterError? error)
    {
        error = null;
        value = fallback;
        if (Single(parameters, name) is not { } text) return true;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        error = new ParameterError(name, $"{name}: '{text}' is out of range; valid: a whole number from {min} to {max}");
        return false;
    }

    private static bool Statuses(IQueryCollection parameters, out ImmutableArray<TrialStatus> statuses, out ParameterError? error)
    {
        error = null;
        var parsed = ImmutableArray.CreateBuilder<TrialStatus>();
        foreach (var name in Values(parameters[TrialPageParameters.Status]))
        {
            if (!SpecNames.TryParse<TrialStatus>(name, out var status))
            {
                statuses = [];
                error = new ParameterError(TrialPageParameters.Status,
                    $"status: '{name}' is not a trial status; valid: {string.Join(", ", SpecNames.All<TrialStatus>())} (comma-separated)");
                return false;
            }
            if (!parsed.Contains(status)) parsed.Add(status);
        }
        statuses = parsed.ToImmutable();
        return true;
    }

    private static bool Range(IQueryCollection parameters, out NumericRange? range, out ParameterError? error)
    {
        range = null;
        error = null;
        var column = Single(parameters, TrialPageParameters.Range);
        double? min = null, max = null;
        foreach (var (name, set) in new (string, Action<double>)[] { (TrialPageParameters.Min, v => min = v), (TrialPageParameters.Max, v => max = v) })
        {
            if (Single(parameters, name) is not { } text) continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                error = new ParameterError(name, $"{name}: '{text}' is not a number; valid: a finite number such as 0.01 or 1e-3");
                return false;
            }
            set(value);
        }
        if (column is null)
        {
            if (min is null && max is null) return true;
            error = new ParameterError(TrialPageParameters.Range, "range: min and max need the column they bound, e.g. range=final_metric&min=0.9");
            return false;
        }
        if (column.Length is 0 or > MaxColumnLength)
        {
            error = new ParameterError(TrialPageParameters.Range, $"range: a numeric column name of 1 to {MaxColumnLength} characters");
            return false;
        }
        if (min > max)
        {
            error = new ParameterError(TrialPageParameters.Range, $"range: min {min} is above max {max}; valid: min ≤ max");
            return false;
        }
        range = new NumericRange(column, min, max);
        return true;
    }

    /// <summary>The one value of <paramref name="name"/> (the last when repeated); null when absent or blank.</summary>
    private static string? Single(IQueryCollection parameters, string name) =>
        parameters[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    /// <summary>Every comma-separated value of a repeatable parameter, trimmed, blanks dropped.</summary>
    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
