// The names of the request parameters of a page of trials, shared by the web endpoint that reads them and the store
// that reports which one is at fault.
namespace SweepCluster.Core.TrialPages;

/// <summary>Request parameter names.</summary>
public static class TrialPageParameters
{
    public const string Offset = "offset";
    public const string Limit = "limit";
    public const string Sort = "sort";
    public const string Order = "order";
    public const string Status = "status";
    public const string Text = "q";
    public const string Range = "range";
    public const string Min = "min";
    public const string Max = "max";
}
