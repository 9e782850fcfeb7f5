// What a trial asks of DatasetCatalog besides the dataset's name: the task, the target count, the data seed and the
// directory that relative CSV paths are resolved against.
// Deliberately does not name the dataset or carry split/standardize settings (DataSplit and Standardizer take those).
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Options for <see cref="DatasetCatalog.Load"/>.</summary>
/// <param name="Task">Null: the built-in dataset's own task, or classification for a CSV file.</param>
/// <param name="Targets">Regression on a CSV: how many trailing columns are targets (at least 1).</param>
/// <param name="DataSeed">Seed of the synthetic generators (ignored by file-backed datasets).</param>
/// <param name="BaseDirectory">Directory against which relative CSV paths resolve; null: the current directory.</param>
public sealed record DatasetRequest(TaskKind? Task = null, int Targets = 1, long DataSeed = 0, string? BaseDirectory = null);
