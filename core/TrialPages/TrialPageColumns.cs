// The trials columns a page can be sorted or filtered by, by name (TrialColumns), with their types. The
// sweep's hyperparameter columns come on top of these, per sweep. Names only: no SQL here.
using SweepCluster.Core.Reports;

namespace SweepCluster.Core.TrialPages;

/// <summary>The fixed, sortable columns of a page of trials.</summary>
public static class TrialPageColumns
{
    /// <summary>Every fixed sortable column with its type, in display order.</summary>
    public static IReadOnlyList<RunColumn> Fixed { get; } =
    [
        new(TrialColumns.Trial, RunValueType.Integer),
        new(TrialColumns.Combination, RunValueType.Integer),
        new(TrialColumns.Seed, RunValueType.Integer),
        new(TrialColumns.Status, RunValueType.Text),
        new(TrialColumns.FinalMetric, RunValueType.Real),
        new(TrialColumns.BestMetric, RunValueType.Real),
        new(TrialColumns.BestEpoch, RunValueType.Integer),
        new(TrialColumns.EpochsRun, RunValueType.Integer),
        new(TrialColumns.WallSeconds, RunValueType.Real),
        new(TrialColumns.Attempts, RunValueType.Integer),
        new(TrialColumns.TestMetric, RunValueType.Real),
    ];
}
