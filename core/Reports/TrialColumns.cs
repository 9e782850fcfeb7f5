// The trials table's fixed column names, spelled once: the store's schema, the run tables (`sweep trials`, trials.csv),
// the run-table pages and the report's per-trial charts all name them from here. Every other trials column is a
// searched hyperparameter ("learning_rate.schedule", "learning_rate.initial", ...). Names only: no types, no SQL.
namespace SweepCluster.Core.Reports;

/// <summary>The names of the trials table's fixed columns.</summary>
public static class TrialColumns
{
    public const string Sweep = "sweep";
    public const string Trial = "trial";
    public const string Combination = "combination";
    public const string Seed = "seed";
    public const string Status = "status";
    public const string FinalMetric = "final_metric";
    public const string BestMetric = "best_metric";
    public const string BestEpoch = "best_epoch";
    public const string EpochsRun = "epochs_run";
    public const string WallSeconds = "wall_seconds";
    public const string Silo = "silo";
    public const string Attempts = "attempts";
    public const string PrunedAtEpoch = "pruned_at_epoch";
    public const string PbtDonor = "pbt_donor";
    public const string TestMetric = "test_metric";
    public const string Finished = "finished";

    /// <summary>Every fixed column: a column of a trials run table that is not here is a searched hyperparameter.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Sweep, Trial, Combination, Seed, Status, FinalMetric, BestMetric, BestEpoch, EpochsRun, WallSeconds, Silo, Attempts,
        PrunedAtEpoch, PbtDonor, TestMetric, Finished,
    };
}
