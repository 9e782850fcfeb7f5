// The direction a page of trials is sorted in. Missing values always come last, whichever the direction.
namespace SweepCluster.Core.TrialPages;

/// <summary>Ascending or descending.</summary>
public enum SortOrder
{
    Ascending,
    Descending,
}
