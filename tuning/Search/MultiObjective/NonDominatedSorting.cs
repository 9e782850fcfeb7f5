// Non-dominated sorting: every vector's front rank. Rank 0 is the Pareto front (dominated by no vector); rank k + 1
// is the front of what remains once ranks 0..k are removed. The fast version is Deb et al. 2002 ("A fast and elitist
// multiobjective genetic algorithm: NSGA-II"), O(m·n²) comparisons; the naive one peels fronts one by one, O(m·n³),
// and stays as the reference the tests compare against. Equal vectors get equal ranks. It does not break ties within
// a front (CrowdingDistance, ParetoTruncation).
using SweepCluster.Core;

namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>Front ranks of objective vectors.</summary>
public static class NonDominatedSorting
{
    /// <summary>ranks (n): the front rank of each vector, 0 for the Pareto front.</summary>
    /// <exception cref="ArgumentException">No goals, a vector of the wrong length, or a value that is not finite.</exception>
    public static int[] Ranks(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals) =>
        Ranks(MinimizedObjectives.Of(vectors, goals));

    /// <summary>The indices of each front, front 0 first, each in increasing index order.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Fronts(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals) =>
        Fronts(Ranks(vectors, goals));

    /// <summary>ranks (n) of minimised rows (n, m): Deb's fast non-dominated sort.</summary>
    internal static int[] Ranks(double[][] rows)
    {
        var n = rows.Length;
        var ranks = new int[n];
        var dominated = new List<int>[n];   // dominated[p]: the rows p dominates
        var dominators = new int[n];        // dominators[p]: how many rows dominate p and are not yet ranked
        var front = new List<int>();
        for (var p = 0; p < n; p++)
        {
            dominated[p] = [];
            for (var q = 0; q < n; q++)
            {
                if (ParetoDominance.Dominates(rows[p], rows[q])) dominated[p].Add(q);
                else if (ParetoDominance.Dominates(rows[q], rows[p])) dominators[p]++;
            }
            if (dominators[p] == 0) front.Add(p);
        }
        for (var rank = 0; front.Count > 0; rank++)
        {
            var next = new List<int>();
            foreach (var p in front)
            {
                ranks[p] = rank;
                foreach (var q in dominated[p])
                    if (--dominators[q] == 0) next.Add(q);
            }
            front = next;
        }
        return ranks;
    }

    /// <summary>ranks (n) of minimised rows (n, m), by peeling: the reference for <see cref="Ranks(double[][])"/>.</summary>
    internal static int[] RanksNaive(double[][] rows)
    {
        var ranks = Enumerable.Repeat(-1, rows.Length).ToArray();
        for (var rank = 0; ranks.Contains(-1); rank++)
        {
            var remaining = Enumerable.Range(0, rows.Length).Where(i => ranks[i] == -1).ToArray();
            var front = remaining.Where(p => !remaining.Any(q => ParetoDominance.Dominates(rows[q], rows[p]))).ToArray();
            foreach (var p in front) ranks[p] = rank;
        }
        return ranks;
    }

    /// <summary>The indices of each rank, rank 0 first.</summary>
    internal static IReadOnlyList<IReadOnlyList<int>> Fronts(int[] ranks)
    {
        var fronts = new List<List<int>>();
        for (var i = 0; i < ranks.Length; i++)
        {
            while (fronts.Count <= ranks[i]) fronts.Add([]);
            fronts[ranks[i]].Add(i);
        }
        return fronts;
    }
}
