// Which hyperparameter columns of the trials table belong to each sweep, in the order the sweep first wrote them,
// with their types: readers select exactly these columns for a sweep.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>sweep_hyperparameters</c> table.</summary>
public static class SweepHyperparametersTable
{
    public const string Name = "sweep_hyperparameters";
    public const string Sweep = "sweep";
    public const string Position = "position";
    public const string Column = "column_name";
    public const string Type = "column_type";

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(Sweep, ColumnType.Text),
            new(Position, ColumnType.Integer),
            new(Column, ColumnType.Text),
            new(Type, ColumnType.Text),
        ],
        [Sweep, Column]);
}
