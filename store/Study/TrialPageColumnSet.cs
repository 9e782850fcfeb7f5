// The columns one sweep's page of trials may be sorted and filtered by: the fixed trials columns of TrialPageColumns
// and the sweep's own hyperparameter columns (sweep_hyperparameters). A requested name is looked up here and only the
// name found is ever quoted into SQL; an unknown name, or a text column given a numeric range, is refused with a
// message that names the parameter and lists the valid columns. No SQL here.
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;
using SweepCluster.Store.Hyperparameters;

namespace SweepCluster.Store.Study;

/// <summary>A sweep's sortable and filterable columns.</summary>
internal sealed class TrialPageColumnSet
{
    private readonly Dictionary<string, RunColumn> _columns = new(StringComparer.Ordinal);

    public TrialPageColumnSet(IReadOnlyList<HyperparameterColumn> hyperparameters)
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        foreach (var column in TrialPageColumns.Fixed) _columns[column.Name] = column;
        Hyperparameters = hyperparameters.Select(h => new RunColumn(h.Name, TypeOf(h.Type))).ToArray();
        foreach (var column in Hyperparameters) _columns.TryAdd(column.Name, column);
    }

    /// <summary>The sweep's hyperparameter columns, in its order.</summary>
    public IReadOnlyList<RunColumn> Hyperparameters { get; }

    /// <summary>The known column named <paramref name="name"/>, to sort by.</summary>
    /// <exception cref="TrialQueryException">No such column (parameter "sort").</exception>
    public RunColumn Sortable(string name) =>
        Find(name) ?? throw new TrialQueryException(TrialPageParameters.Sort,
            $"sort: '{name}' is not a column of this sweep; valid: {string.Join(", ", _columns.Keys)}");

    /// <summary>The known numeric column named <paramref name="name"/>, to filter by a range.</summary>
    /// <exception cref="TrialQueryException">No such column, or a text column (parameter "range").</exception>
    public RunColumn Numeric(string name)
    {
        var numeric = _columns.Values.Where(c => c.Type != RunValueType.Text).Select(c => c.Name);
        return Find(name) is { Type: not RunValueType.Text } column
            ? column
            : throw new TrialQueryException(TrialPageParameters.Range,
                $"range: '{name}' is not a numeric column of this sweep; valid: {string.Join(", ", numeric)}");
    }

    private RunColumn? Find(string? name) => name is not null && _columns.TryGetValue(name, out var column) ? column : null;

    private static RunValueType TypeOf(ColumnType type) => type switch
    {
        ColumnType.Text => RunValueType.Text,
        ColumnType.Real => RunValueType.Real,
        ColumnType.Integer => RunValueType.Integer,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "hyperparameter columns are text, real or integer"),
    };
}
