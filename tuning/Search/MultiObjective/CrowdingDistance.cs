// Crowding distance (Deb et al. 2002): how isolated each vector of one front is. Per objective the front is sorted by
// value; the first and last get +∞, every other vector adds (next − previous) / (max − min) of that objective; an
// objective whose values are all equal adds nothing. Larger is lonelier, kept first when a front must be cut. Ties in
// an objective are ordered by position in the input, so the result is a function of the input order only through
// ties: callers that need permutation invariance pass the front in a canonical order (ParetoTruncation does).
// Goals do not matter here (the distance is symmetric). It does not sort fronts (NonDominatedSorting).
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>Crowding distances within one front.</summary>
public static class CrowdingDistance
{
    /// <summary>distances (n): the crowding distance of each vector of <paramref name="front"/>; +∞ at a boundary.</summary>
    /// <exception cref="ArgumentException">Vectors of different lengths, or a value that is not finite.</exception>
    public static double[] Of(IReadOnlyList<ObjectiveVector> front)
    {
        ArgumentNullException.ThrowIfNull(front);
        if (front.Count == 0) return [];
        var rows = new double[front.Count][];
        for (var i = 0; i < front.Count; i++)
        {
            if (front[i].Count != front[0].Count) throw new ArgumentException("the vectors have different lengths", nameof(front));
            if (front[i].Values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"objective vector {front[i]} has a value that is not finite", nameof(front));
            rows[i] = front[i].Values.ToArray();
        }
        return OfRows(rows);
    }

    /// <summary>distances (n) of rows (n, m); ties in an objective ordered by row index.</summary>
    internal static double[] OfRows(double[][] rows)
    {
        var n = rows.Length;
        var distances = new double[n];
        if (n == 0) return distances;
        var order = new int[n];
        for (var j = 0; j < rows[0].Length; j++)
        {
            for (var i = 0; i < n; i++) order[i] = i;
            var objective = j;
            Array.Sort(order, (a, b) => rows[a][objective] != rows[b][objective] ? rows[a][objective].CompareTo(rows[b][objective]) : a.CompareTo(b));
            distances[order[0]] = double.PositiveInfinity;
            distances[order[^1]] = double.PositiveInfinity;
            var range = rows[order[^1]][j] - rows[order[0]][j];
            if (range <= 0) continue;
            for (var k = 1; k < n - 1; k++)
                distances[order[k]] += (rows[order[k + 1]][j] - rows[order[k - 1]][j]) / range;
        }
        return distances;
    }
}
