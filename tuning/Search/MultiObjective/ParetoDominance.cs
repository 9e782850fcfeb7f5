// Pareto dominance between two objective vectors under their goals: a dominates b when a is at least as good in every
// objective and strictly better in one. Equal vectors do not dominate each other. The one comparison the sorting,
// the promotion rule and NSGA-II's selection rest on.
using SweepCluster.Core;

namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>Pareto dominance.</summary>
public static class ParetoDominance
{
    /// <summary>True when <paramref name="a"/> dominates <paramref name="b"/> under <paramref name="goals"/>.</summary>
    /// <exception cref="ArgumentException">A vector's length differs from the goals', or a value is not finite.</exception>
    public static bool Dominates(ObjectiveVector a, ObjectiveVector b, IReadOnlyList<MetricGoal> goals)
    {
        MinimizedObjectives.CheckGoals(goals);
        return Dominates(MinimizedObjectives.Of(a, goals, nameof(a)), MinimizedObjectives.Of(b, goals, nameof(b)));
    }

    /// <summary>Dominance of minimised rows a (m), b (m): a ≤ b everywhere and a &lt; b somewhere.</summary>
    internal static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var strictly = false;
        for (var j = 0; j < a.Length; j++)
        {
            if (a[j] > b[j]) return false;
            if (a[j] < b[j]) strictly = true;
        }
        return strictly;
    }
}
