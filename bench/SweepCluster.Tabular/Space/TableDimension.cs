// One dimension of a tabular space: its name, scale, the grid of choices the table holds, and when it is active.
namespace SweepCluster.Tabular.Space;

/// <summary>
/// One hyperparameter of the table. Its <see cref="Choices"/> are the exact values the table was generated at, as
/// the labels its CSV uses; a numeric dimension's labels parse as invariant-culture numbers. A conditional dimension
/// exists only when the dimension <see cref="Parent"/> has the choice <see cref="ParentChoice"/>.
/// </summary>
/// <param name="Name">Column name in the table, e.g. <c>lr</c> or <c>step.gamma</c>.</param>
/// <param name="Scale">How a searcher should model the choices.</param>
/// <param name="Choices">The table's values, in increasing order for an ordered scale.</param>
/// <param name="Parent">Null: always active; else the name of the categorical dimension that decides it.</param>
/// <param name="ParentChoice">The parent's choice under which this dimension exists.</param>
public sealed record TableDimension(string Name, DimensionScale Scale, IReadOnlyList<string> Choices, string? Parent = null, string? ParentChoice = null)
{
    /// <summary>Whether a searcher may treat the choices as an ordered grid.</summary>
    public bool IsOrdered => Scale != DimensionScale.Categorical;

    /// <summary>The index of <paramref name="label"/> among the choices.</summary>
    /// <exception cref="ArgumentException">The table does not hold that value.</exception>
    public int IndexOf(string label)
    {
        for (var i = 0; i < Choices.Count; i++)
            if (string.Equals(Choices[i], label, StringComparison.Ordinal)) return i;
        throw new ArgumentException($"dimension {Name} has no choice '{label}' (choices: {string.Join(", ", Choices)})", nameof(label));
    }

    /// <summary>The numeric value of choice <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The dimension is categorical.</exception>
    public double ValueAt(int index) => IsOrdered
        ? double.Parse(Choices[index], System.Globalization.CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"dimension {Name} is categorical: its choices are labels");
}
