// The one conversion every multi-objective routine starts with: objective vectors and their goals → rows of numbers
// where smaller is better in every column (a maximised objective is negated). Checks the inputs once: every vector
// has one value per goal and every value is finite (a caller maps a diverged or failed trial to a finite worst value,
// e.g. accuracy 0, or leaves it out). It ranks nothing.
using SweepCluster.Core;

namespace SweepCluster.Tuning.Search.MultiObjective;

internal static class MinimizedObjectives
{
    /// <summary>rows (n, m): row i is vector i with every maximised value negated.</summary>
    /// <exception cref="ArgumentException">No goals, a vector of the wrong length, or a value that is not finite.</exception>
    public static double[][] Of(IReadOnlyList<ObjectiveVector> vectors, IReadOnlyList<MetricGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        CheckGoals(goals);
        var rows = new double[vectors.Count][];
        for (var i = 0; i < vectors.Count; i++) rows[i] = Of(vectors[i], goals, nameof(vectors));
        return rows;
    }

    /// <summary>One vector as a row where smaller is better.</summary>
    public static double[] Of(ObjectiveVector vector, IReadOnlyList<MetricGoal> goals, string parameter)
    {
        ArgumentNullException.ThrowIfNull(vector, parameter);
        if (vector.Count != goals.Count)
            throw new ArgumentException($"objective vector {vector} has {vector.Count} values for {goals.Count} goals", parameter);
        var row = new double[goals.Count];
        for (var j = 0; j < row.Length; j++)
        {
            var value = vector[j];
            if (!double.IsFinite(value)) throw new ArgumentException($"objective vector {vector} has a value that is not finite", parameter);
            row[j] = goals[j] == MetricGoal.Maximize ? -value : value;
        }
        return row;
    }

    /// <exception cref="ArgumentException">No goals.</exception>
    public static void CheckGoals(IReadOnlyList<MetricGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        if (goals.Count == 0) throw new ArgumentException("at least one objective goal is needed", nameof(goals));
    }
}
