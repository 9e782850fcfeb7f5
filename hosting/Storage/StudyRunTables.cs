// Reads a sweep's run tables from a study store: its hyperparameter columns, trials and epochs, built into the trials
// and history tables (TrialRunTable, HistoryRunTable). Reads only; `sweep trials`, `sweep run` and the sweep catalog
// (for `sweep report -o DIR`) use it.
using SweepCluster.Core.Reports;
using SweepCluster.Store;

namespace SweepCluster.Hosting.Storage;

/// <summary>A sweep's <see cref="SweepRunTables"/> from a <see cref="StudyStore"/>.</summary>
public static class StudyRunTables
{
    /// <summary>Reads the sweep's hyperparameter columns, trials and epochs from <paramref name="store"/>.</summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static async Task<SweepRunTables> ReadAsync(StudyStore store, string sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = await store.GetHyperparameterColumnsAsync(sweep, cancellationToken);
        var trials = await store.ReadTrialsAsync(sweep, cancellationToken);
        var epochs = await store.ReadEpochsAsync(sweep, null, cancellationToken);
        return new SweepRunTables(TrialRunTable.Build(columns, trials), HistoryRunTable.Build(epochs));
    }
}
