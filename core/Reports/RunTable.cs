// The run table: one row per trial (or per trial and epoch) with typed cells, built once from the study store and laid
// out by reporting's thin writers (terminal, CSV, JSON), as the report is. It crosses grain boundaries (the sweep
// catalog hands a cluster's run tables to `sweep report -o DIR`). It does not read the store or format anything.
namespace SweepCluster.Core.Reports;

/// <summary>Typed rows under named columns. A cell is null, or a string, long or double as its column's type says.</summary>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">One list of cells per row, as many as there are columns.</param>
/// <exception cref="ArgumentException">A row whose length differs from the columns', or a cell of the wrong type.</exception>
[GenerateSerializer, Immutable, Alias("SweepCluster.RunTable")]
public sealed record RunTable([property: Id(0)] IReadOnlyList<RunColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>One list of cells per row, checked against <see cref="Columns"/>.</summary>
    [Id(1)]
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; init; } = Checked(Columns, Rows);

    private static IReadOnlyList<IReadOnlyList<object?>> Checked(IReadOnlyList<RunColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns.Count)
                throw new ArgumentException($"row {r} has {rows[r].Count} cells for {columns.Count} columns", nameof(rows));
            for (var c = 0; c < columns.Count; c++)
            {
                if (!Fits(rows[r][c], columns[c].Type))
                    throw new ArgumentException($"row {r}, column '{columns[c].Name}': {rows[r][c]!.GetType().Name} is not {columns[c].Type}", nameof(rows));
            }
        }
        return rows;
    }

    private static bool Fits(object? cell, RunValueType type) => cell switch
    {
        null => true,
        string => type == RunValueType.Text,
        long => type == RunValueType.Integer,
        double => type == RunValueType.Real,
        _ => false,
    };
}
