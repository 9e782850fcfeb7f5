// NSGA-II's truncation: keep k of n vectors by front rank, whole fronts first, and cut the first front that does not
// fit by crowding distance (largest first; equal distances by index). Shared by the promotion rule (k = ⌊n/η⌋) and
// NSGA-II's parent selection (k = population size). What holds for the kept set K (|K| = min(k, n)):
//   - fronts are admitted in rank order: if a vector of rank r is kept, every vector of rank < r is kept;
//   - hence every vector of the Pareto front is kept when the front has at most k vectors;
//   - no kept vector is dominated by a dropped one (a dominator has a lower rank, so it was admitted first);
//   - in the cut front, the boundary vectors of each objective (crowding +∞) go before interior ones.
// KeepAll keeps a required set first (front keeping: the rows nothing ε-dominates) and fills up to k in that order.
// The result depends on the order of the input only through ties (equal crowding, equal values): callers that need
// permutation invariance pass rows in a canonical order, e.g. by trial index.
namespace SweepCluster.Tuning.Search.MultiObjective;

internal static class ParetoTruncation
{
    /// <summary>kept (min(k, n)): the indices of the kept rows of minimised rows (n, m), in increasing order.</summary>
    public static int[] Keep(double[][] rows, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (ranks, crowding) = RanksAndCrowding(rows);
        return Enumerable.Range(0, rows.Length)
            .OrderBy(i => ranks[i]).ThenByDescending(i => crowding[i]).ThenBy(i => i)
            .Take(k).Order().ToArray();
    }

    /// <summary>kept (max(k, |required|)): every row marked <paramref name="required"/>, then the others in <see cref="Keep"/>'s
    /// order (rank, crowding, index) up to k rows; indices in increasing order.</summary>
    public static int[] KeepAll(double[][] rows, bool[] required, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var (ranks, crowding) = RanksAndCrowding(rows);
        var count = Math.Max(Math.Min(k, rows.Length), required.Count(r => r));
        return Enumerable.Range(0, rows.Length)
            .OrderByDescending(i => required[i]).ThenBy(i => ranks[i]).ThenByDescending(i => crowding[i]).ThenBy(i => i)
            .Take(count).Order().ToArray();
    }

    /// <summary>Each row's front rank and its crowding distance within its front.</summary>
    public static (int[] Ranks, double[] Crowding) RanksAndCrowding(double[][] rows)
    {
        var ranks = NonDominatedSorting.Ranks(rows);
        var crowding = new double[rows.Length];
        foreach (var front in NonDominatedSorting.Fronts(ranks))
        {
            var distances = CrowdingDistance.OfRows(front.Select(i => rows[i]).ToArray());
            for (var f = 0; f < front.Count; f++) crowding[front[f]] = distances[f];
        }
        return (ranks, crowding);
    }
}
