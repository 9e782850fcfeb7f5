// One point of a tabular space: a choice index per dimension, -1 where the dimension is inactive.
namespace SweepCluster.Tabular.Space;

/// <summary>
/// A configuration of a <see cref="TableSpace"/>: for each dimension (in the space's order) the index of its choice,
/// or <see cref="Inactive"/> when a parent's choice switches the dimension off. Compares by value.
/// </summary>
public sealed class TableConfiguration : IEquatable<TableConfiguration>
{
    /// <summary>The index that marks an inactive dimension.</summary>
    public const int Inactive = -1;

    private readonly int[] _choices;

    /// <summary>Wraps a copy of <paramref name="choices"/> (one index per dimension of the space).</summary>
    public TableConfiguration(IReadOnlyList<int> choices) => _choices = choices.ToArray();

    /// <summary>The choice index of each dimension, <see cref="Inactive"/> for an inactive one.</summary>
    public IReadOnlyList<int> Choices => _choices;

    /// <summary>The choice index of dimension <paramref name="dimension"/>.</summary>
    public int this[int dimension] => _choices[dimension];

    public bool Equals(TableConfiguration? other) => other is not null && _choices.AsSpan().SequenceEqual(other._choices);

    public override bool Equals(object? obj) => Equals(obj as TableConfiguration);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var choice in _choices) hash.Add(choice);
        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", _choices);
}
