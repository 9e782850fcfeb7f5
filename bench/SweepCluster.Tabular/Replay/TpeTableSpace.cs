// How our TPE sampler sees a table's space. Each table dimension becomes a SpaceDimension keyed by its name: a
// categorical one a choice among its labels, an ordered one (an integer, log or linear grid) an integer over its choice
// index, as bench/optuna/table_replay.py suggests it with suggest_int on the index (both TPEs see the grid's order and
// nothing else; the table's log grids are evenly spaced in the logarithm, so the index is the log scale). A conditional
// dimension is active only when its parent's value is the index of its parent choice. It does not sample.
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>A <see cref="TableSpace"/> as TPE dimensions, with the conversions between configurations and TPE values.</summary>
public sealed class TpeTableSpace
{
    /// <summary>Per dimension: the key of its parent and the parent's choice index that activates it; null for none.</summary>
    private readonly (string Key, int Choice)?[] _parents;
    private readonly Dictionary<string, int> _positions;

    public TpeTableSpace(TableSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        Dimensions = space.Dimensions.Select(ToSpaceDimension).ToArray();
        _parents = space.Dimensions
            .Select(d => d.Parent is { } parent ? (parent, space.Dimensions[space.IndexOf(parent)].IndexOf(d.ParentChoice ?? "")) : ((string, int)?)null)
            .ToArray();
        _positions = Dimensions.Select((d, i) => (d.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
    }

    public TableSpace Space { get; }

    /// <summary>The TPE dimensions, in the table space's order (every parent before its children).</summary>
    public IReadOnlyList<SpaceDimension> Dimensions { get; }

    /// <summary>Whether <paramref name="dimension"/> exists given the values drawn so far (its parent's among them).</summary>
    public bool IsActive(SpaceDimension dimension, IReadOnlyDictionary<string, double> values)
    {
        if (_parents[_positions[dimension.Key]] is not { } parent) return true;
        return values.TryGetValue(parent.Key, out var value) && (int)value == parent.Choice;
    }

    /// <summary>The TPE values of <paramref name="configuration"/>: each active dimension's choice index, by name.</summary>
    public IReadOnlyDictionary<string, double> Values(TableConfiguration configuration)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var d = 0; d < Dimensions.Count; d++)
            if (configuration[d] != TableConfiguration.Inactive) values[Dimensions[d].Key] = configuration[d];
        return values;
    }

    /// <summary>The configuration of TPE values <paramref name="values"/> (each rounded to the nearest choice index).</summary>
    /// <exception cref="ArgumentException">An active dimension has no value, or an inactive one has one.</exception>
    public TableConfiguration Configuration(IReadOnlyDictionary<string, double> values)
    {
        var configuration = Space.Build((_, dimension) => values.TryGetValue(dimension.Name, out var value)
            ? Math.Clamp((int)Math.Round(value), 0, dimension.Choices.Count - 1)
            : throw new ArgumentException($"dimension {dimension.Name} is active but has no value", nameof(values)));
        for (var d = 0; d < Dimensions.Count; d++)
            if (configuration[d] == TableConfiguration.Inactive && values.ContainsKey(Dimensions[d].Key))
                throw new ArgumentException($"dimension {Dimensions[d].Key} is inactive here but has a value", nameof(values));
        return configuration;
    }

    private static SpaceDimension ToSpaceDimension(TableDimension dimension) => dimension.IsOrdered
        ? new SpaceDimension(dimension.Name, dimension.Name, SpaceDimensionKind.Integer, 0, 0, dimension.Choices.Count - 1, Log: false)
        : SpaceDimension.Categorical(dimension.Name, dimension.Name, dimension.Choices.Count);
}
