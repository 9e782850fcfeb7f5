// The trials columns a page can be sorted or filtered by, by name (the study store's names), with their types. The
// sweep's hyperparameter columns come on top of these, per sweep. Names only: no SQL here.
using SweepCluster.Core.Reports;

namespace SweepCluster.Core.TrialPages;

/// <summary>The fixed, sortable columns of a page of trials.</summary>
public static class TrialPageColumns
{
    public const string Trial = "trial";
    public const string Combination = "combination";
    public const string Seed = "seed";
    public const string Status = "status";
    public const string FinalMetric = "final_metric";
    public const string BestMetric = "best_metric";
    public const string BestEpoch = "best_epoch";
    public const string EpochsRun = "epochs_run";
    public const string WallSeconds = "wall_seconds";
    public const string Attempts = "attempts";
    public const string TestMetric = "test_metric";

    /// <summary>Every fixed sortable column with its type, in display order.</summary>
    public static IReadOnlyList<RunColumn> Fixed { get; } =
    [
        new(Trial, RunValueType.Integer),
        new(Combination, RunValueType.Integer),
        new(Seed, RunValueType.Integer),
        new(Status, RunValueType.Text),
        new(FinalMetric, RunValueType.Real),
        new(BestMetric, RunValueType.Real),
        new(BestEpoch, RunValueType.Integer),
        new(EpochsRun, RunValueType.Integer),
        new(WallSeconds, RunValueType.Real),
        new(Attempts, RunValueType.Integer),
        new(TestMetric, RunValueType.Real),
    ];
}
