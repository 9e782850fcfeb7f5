// The configuration space of a table: its dimensions in order, which of them a configuration activates, every
// configuration of the grid, and the conversion between configurations and the labels the table's CSV holds.
namespace SweepCluster.Tabular.Space;

/// <summary>
/// An ordered list of dimensions with conditional structure: a dimension with a parent exists only under one of the
/// parent's choices, and a parent always comes before its children. The table holds every configuration of the grid.
/// </summary>
public sealed class TableSpace
{
    private readonly Dictionary<string, int> _indexByName;

    /// <exception cref="ArgumentException">A name repeats, or a parent is unknown, comes later or lacks the choice.</exception>
    public TableSpace(IReadOnlyList<TableDimension> dimensions)
    {
        Dimensions = dimensions;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var dimension = dimensions[i];
            if (!_indexByName.TryAdd(dimension.Name, i)) throw new ArgumentException($"dimension {dimension.Name} appears twice", nameof(dimensions));
            if (dimension.Parent is not { } parent) continue;
            if (!_indexByName.TryGetValue(parent, out var parentIndex))
                throw new ArgumentException($"dimension {dimension.Name}: parent {parent} must come before it", nameof(dimensions));
            dimensions[parentIndex].IndexOf(dimension.ParentChoice ?? "");
        }
    }

    public IReadOnlyList<TableDimension> Dimensions { get; }

    /// <summary>The position of the dimension called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such dimension.</exception>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out var index)
        ? index
        : throw new KeyNotFoundException($"the space has no dimension {name}");

    /// <summary>Whether dimension <paramref name="dimension"/> exists given the choices made so far (parents come first).</summary>
    public bool IsActive(int dimension, IReadOnlyList<int> choices)
    {
        var d = Dimensions[dimension];
        if (d.Parent is null) return true;
        var parent = IndexOf(d.Parent);
        return choices[parent] != TableConfiguration.Inactive && Dimensions[parent].Choices[choices[parent]] == d.ParentChoice;
    }

    /// <summary>Builds a configuration dimension by dimension: <paramref name="choose"/> picks the index of each active one.</summary>
    public TableConfiguration Build(Func<int, TableDimension, int> choose)
    {
        var choices = new int[Dimensions.Count];
        for (var d = 0; d < choices.Length; d++)
            choices[d] = IsActive(d, choices) ? choose(d, Dimensions[d]) : TableConfiguration.Inactive;
        return new TableConfiguration(choices);
    }

    /// <summary>Every configuration of the grid, in a fixed order (the first dimension varies slowest).</summary>
    public IReadOnlyList<TableConfiguration> Enumerate()
    {
        var all = new List<TableConfiguration>();
        var choices = new int[Dimensions.Count];
        Extend(0);
        return all;

        void Extend(int d)
        {
            if (d == choices.Length) { all.Add(new TableConfiguration(choices)); return; }
            if (!IsActive(d, choices)) { choices[d] = TableConfiguration.Inactive; Extend(d + 1); return; }
            for (var c = 0; c < Dimensions[d].Choices.Count; c++) { choices[d] = c; Extend(d + 1); }
            choices[d] = TableConfiguration.Inactive;
        }
    }

    /// <summary>The labels of a configuration, one per dimension, empty for an inactive dimension (the CSV's cells).</summary>
    public IReadOnlyList<string> Labels(TableConfiguration configuration) =>
        Dimensions.Select((d, i) => configuration[i] == TableConfiguration.Inactive ? "" : d.Choices[configuration[i]]).ToArray();

    /// <summary>The configuration whose labels are <paramref name="labels"/> (one per dimension, empty when inactive).</summary>
    /// <exception cref="ArgumentException">A label is not a choice, or the activity of a dimension does not match its parent.</exception>
    public TableConfiguration Parse(IReadOnlyList<string> labels)
    {
        if (labels.Count != Dimensions.Count) throw new ArgumentException($"expected {Dimensions.Count} labels, got {labels.Count}", nameof(labels));
        var configuration = Build((d, dimension) => labels[d].Length > 0
            ? dimension.IndexOf(labels[d])
            : throw new ArgumentException($"dimension {dimension.Name} is active but has no value", nameof(labels)));
        for (var d = 0; d < labels.Count; d++)
            if (configuration[d] == TableConfiguration.Inactive && labels[d].Length > 0)
                throw new ArgumentException($"dimension {Dimensions[d].Name} is inactive here but has the value '{labels[d]}'", nameof(labels));
        return configuration;
    }

    /// <summary>A short readable form: <c>name=label</c> for each active dimension.</summary>
    public string Describe(TableConfiguration configuration) =>
        string.Join(" ", Dimensions.Select((d, i) => configuration[i] == TableConfiguration.Inactive ? null : $"{d.Name}={d.Choices[configuration[i]]}")
            .Where(s => s is not null));
}
