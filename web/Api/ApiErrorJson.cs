// The error document of every /api/ route: one sentence for people, and for a refused spec every error with its field
// and line (null where the error has none, e.g. one the cluster found in the spec's data). A client lists them as is.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Web.Api;

/// <summary>One problem of a request: the field at fault (empty for the whole spec), its 1-based line when known, and
/// what is wrong.</summary>
public sealed record ApiProblemJson(string Field, int? Line, string Message)
{
    /// <summary>A spec error as the spec reader found it.</summary>
    public static ApiProblemJson Of(SpecError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ApiProblemJson(error.Field, error.Line, error.Message);
    }
}

/// <summary>An /api/ error: <see cref="Error"/> sums it up, <see cref="Errors"/> lists each problem (maybe none).</summary>
public sealed record ApiErrorJson(string Error, IReadOnlyList<ApiProblemJson> Errors)
{
    public static ApiErrorJson Of(string message) => new(message, []);

    /// <summary>One problem of one field, named in the summary too.</summary>
    public static ApiErrorJson Of(string field, string message) => new($"{field}: {message}", [new ApiProblemJson(field, null, message)]);
}
