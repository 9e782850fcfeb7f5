// A sweep's two run tables: its trials (one row per trial) and their history (one row per trial and epoch), as the
// study store holds them. What `sweep trials` prints and what a report folder's trials.csv and history.csv hold.
namespace SweepCluster.Core.Reports;

/// <summary>The trials and history tables of one sweep.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepRunTables")]
public sealed record SweepRunTables([property: Id(0)] RunTable Trials, [property: Id(1)] RunTable History)
{
    /// <summary>The file names of the two tables in a report folder.</summary>
    public const string TrialsFile = "trials.csv";

    /// <summary>See <see cref="TrialsFile"/>.</summary>
    public const string HistoryFile = "history.csv";
}
