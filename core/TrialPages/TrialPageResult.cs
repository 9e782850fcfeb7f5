// What a request for a page of trials (or for one trial's history) came to: the answer, or why there is none — no
// such sweep or trial, a request naming an unknown column (with the parameter and the valid choices), or a cluster
// that keeps no study tables. A result rather than an exception, so it crosses a grain call as plain data.
namespace SweepCluster.Core.TrialPages;

/// <summary>How a trial query ended.</summary>
public enum TrialQueryOutcome
{
    /// <summary>Answered.</summary>
    Answered,

    /// <summary>The store has no such sweep (or no such trial, for a history).</summary>
    NotFound,

    /// <summary>The request names a column the sweep does not have, or a filter that does not fit its column.</summary>
    Invalid,

    /// <summary>This cluster keeps no study tables.</summary>
    NoStudyTables,
}

/// <summary>The answer to a trial query, or why there is none.</summary>
/// <param name="Parameter">For <see cref="TrialQueryOutcome.Invalid"/>: the request parameter at fault ("sort", "range").</param>
/// <param name="Message">For anything but <see cref="TrialQueryOutcome.Answered"/>: one sentence saying what is wrong and what is valid.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialQueryResult`1")]
public sealed record TrialQueryResult<T>(
    [property: Id(0)] TrialQueryOutcome Outcome,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Parameter,
    [property: Id(3)] string? Message)
    where T : class
{
    public static TrialQueryResult<T> Answered(T value) => new(TrialQueryOutcome.Answered, value, null, null);

    public static TrialQueryResult<T> NotFound(string message) => new(TrialQueryOutcome.NotFound, null, null, message);

    public static TrialQueryResult<T> Invalid(string parameter, string message) => new(TrialQueryOutcome.Invalid, null, parameter, message);

    public static TrialQueryResult<T> NoStudyTables(string message) => new(TrialQueryOutcome.NoStudyTables, null, null, message);
}
