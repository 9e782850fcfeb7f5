// The error of a trial query that names a column the sweep does not have, or a filter that does not fit its column:
// an ArgumentException whose ParamName is the request parameter ("sort", "range", "q") and whose message lists what
// would be valid.
namespace SweepCluster.Core.TrialPages;

/// <summary>A trial query the sweep's columns cannot answer.</summary>
public sealed class TrialQueryException(string parameter, string message) : ArgumentException(message, parameter)
{
    /// <summary>The message without the " (Parameter 'x')" suffix ArgumentException adds.</summary>
    public string Reason { get; } = message;
}
