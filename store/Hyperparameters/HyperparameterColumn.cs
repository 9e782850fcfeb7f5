// A hyperparameter column that belongs to a sweep, as sweep_hyperparameters lists it.
namespace SweepCluster.Store.Hyperparameters;

/// <summary>A sweep's hyperparameter column: its name in the trials table and its type.</summary>
public sealed record HyperparameterColumn(string Name, ColumnType Type);
