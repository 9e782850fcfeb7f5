// The hypervolume of a set of two-objective vectors: the area dominated by the set and bounded by a reference point
// (Zitzler & Thiele 1998), exact. Only vectors strictly better than the reference in both objectives count. The fast
// version sorts by the first objective and sweeps once, O(n log n); the naive one compresses the coordinates into a
// grid and tests every cell against every vector, O(n³), as the reference the tests compare against. Two objectives
// only: three or more need another algorithm (e.g. WFG), not written here.
using SweepCluster.Core;

namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>Exact hypervolume of two-objective vectors.</summary>
public static class Hypervolume2D
{
    /// <summary>The area dominated by <paramref name="vectors"/> and bounded by <paramref name="reference"/>, in the objectives' units.</summary>
    /// <exception cref="ArgumentException">Not two goals, a vector of the wrong length, or a value that is not finite.</exception>
    public static double Of(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals, ObjectiveVector reference)
    {
        var (rows, r) = Minimized(vectors, goals, reference);
        return Of(rows, r);
    }

    /// <summary>The naive grid version of <see cref="Of(IReadOnlyList{ObjectiveVector}, IReadOnlyList{MetricGoal}, ObjectiveVector)"/>.</summary>
    internal static double Naive(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals, ObjectiveVector reference)
    {
        var (rows, r) = Minimized(vectors, goals, reference);
        return Naive(rows, r);
    }

    /// <summary>Area of minimised rows (n, 2) below reference r (2): sort by x, then add each new step of the staircase.</summary>
    internal static double Of(double[][] rows, double[] r)
    {
        var inside = rows.Where(p => p[0] < r[0] && p[1] < r[1]).OrderBy(p => p[0]).ThenBy(p => p[1]).ToArray();
        var area = 0.0;
        var lowestY = r[1];
        foreach (var p in inside)
        {
            if (p[1] >= lowestY) continue;  // dominated (weakly) by an earlier point
            area += (r[0] - p[0]) * (lowestY - p[1]);
            lowestY = p[1];
        }
        return area;
    }

    /// <summary>Area of minimised rows (n, 2) below r (2): every cell of the coordinate grid that some row dominates.</summary>
    internal static double Naive(double[][] rows, double[] r)
    {
        var inside = rows.Where(p => p[0] < r[0] && p[1] < r[1]).ToArray();
        var xs = inside.Select(p => p[0]).Append(r[0]).Distinct().Order().ToArray();
        var ys = inside.Select(p => p[1]).Append(r[1]).Distinct().Order().ToArray();
        var area = 0.0;
        for (var i = 0; i + 1 < xs.Length; i++)
            for (var j = 0; j + 1 < ys.Length; j++)
                if (inside.Any(p => p[0] <= xs[i] && p[1] <= ys[j])) area += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
        return area;
    }

    private static (double[][] Rows, double[] Reference) Minimized(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals, ObjectiveVector reference)
    {
        MinimizedObjectives.CheckGoals(goals);
        if (goals.Count != 2) throw new ArgumentException($"the 2-objective hypervolume got {goals.Count} goals", nameof(goals));
        return (MinimizedObjectives.Of(vectors, goals), MinimizedObjectives.Of(reference, goals, nameof(reference)));
    }
}
