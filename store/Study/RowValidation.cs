// Checks rows before they are queued or written, so that a row the store cannot hold fails at once in the caller
// (an ArgumentException) instead of failing a whole batch later: a sweep id, hyperparameter column names that are
// not fixed trial columns, appear once per row, keep one type, and that the engine can name.
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;

namespace SweepCluster.Store.Study;

/// <summary>Validates trial and epoch rows.</summary>
internal static class RowValidation
{
    /// <exception cref="ArgumentException">A row the store cannot hold.</exception>
    public static void Check(IStoreDialect dialect, IEnumerable<TrialRow> trials, IEnumerable<EpochRow> epochs)
    {
        var types = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        foreach (var trial in trials)
        {
            ArgumentException.ThrowIfNullOrEmpty(trial.Sweep, nameof(trials));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in trial.Hyperparameters)
            {
                if (TrialsTable.FixedColumns.Contains(value.Column))
                    throw new ArgumentException($"'{value.Column}' is a fixed trials column, not a hyperparameter column", nameof(trials));
                if (!seen.Add(value.Column))
                    throw new ArgumentException($"trial {trial.Sweep}/{trial.Trial} has '{value.Column}' twice", nameof(trials));
                if (types.TryGetValue(value.Column, out var type) && type != value.Type)
                    throw new ArgumentException($"'{value.Column}' is given as both {type} and {value.Type}", nameof(trials));
                types[value.Column] = value.Type;
                dialect.Quote(value.Column);
            }
        }
        foreach (var epoch in epochs) ArgumentException.ThrowIfNullOrEmpty(epoch.Sweep, nameof(epochs));
    }
}
