// A sweep's two run tables read from its study store: the trials (one row per trial) and their history (one row per
// trial and epoch). What `sweep trials` prints and what a report folder's trials.csv and history.csv hold. Reads only.
using SweepCluster.Reporting.Runs;
using SweepCluster.Store;

namespace SweepCluster.Cli.Runs;

/// <summary>The trials and history tables of one sweep.</summary>
public sealed record SweepRunTables(RunTable Trials, RunTable History)
{
    /// <summary>The file names of the two tables in a report folder.</summary>
    public const string TrialsFile = "trials.csv";

    /// <summary>See <see cref="TrialsFile"/>.</summary>
    public const string HistoryFile = "history.csv";

    /// <summary>Reads the sweep's hyperparameter columns, trials and epochs from <paramref name="store"/>.</summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static async Task<SweepRunTables> ReadAsync(StudyStore store, string sweep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = await store.GetHyperparameterColumnsAsync(sweep, cancellationToken);
        var trials = await store.ReadTrialsAsync(sweep, cancellationToken);
        var epochs = await store.ReadEpochsAsync(sweep, null, cancellationToken);
        return new SweepRunTables(TrialRunTable.Build(columns, trials), HistoryRunTable.Build(epochs));
    }

    /// <summary>Writes trials.csv and history.csv into <paramref name="folder"/> (which exists) and returns their paths.</summary>
    public IReadOnlyList<string> WriteCsv(string folder)
    {
        var trials = Path.Combine(folder, TrialsFile);
        var history = Path.Combine(folder, HistoryFile);
        File.WriteAllText(trials, RunTableCsv.Render(Trials));
        File.WriteAllText(history, RunTableCsv.Render(History));
        return [trials, history];
    }
}
