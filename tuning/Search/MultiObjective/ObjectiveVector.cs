// One trial's values of several objectives, in the order of the goals they are judged by (a MetricGoal each, from
// core). Data only, compared by value; it does not know which goal applies to which value, and it does not rank.
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>The values of a trial's objectives, in the order of their goals.</summary>
public sealed class ObjectiveVector : IEquatable<ObjectiveVector>
{
    private readonly double[] _values;

    /// <summary>Wraps a copy of <paramref name="values"/> (one per objective).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public ObjectiveVector(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToArray();
        if (_values.Length == 0) throw new ArgumentException("an objective vector needs at least one value", nameof(values));
    }

    /// <summary>A vector of the given values.</summary>
    public static ObjectiveVector Of(params double[] values) => new(values);

    /// <summary>The value of each objective.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The number of objectives.</summary>
    public int Count => _values.Length;

    /// <summary>The value of objective <paramref name="objective"/>.</summary>
    public double this[int objective] => _values[objective];

    public bool Equals(ObjectiveVector? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    public override bool Equals(object? obj) => Equals(obj as ObjectiveVector);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values) hash.Add(value);
        return hash.ToHashCode();
    }

    public override string ToString() => "(" + string.Join(", ", _values.Select(v => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
