// The trials table: one row per trial, upserted by (sweep, trial) as the trial runs. Its fixed columns are below;
// (named in TrialColumns) one typed column per searched hyperparameter ("learning_rate.initial", ...) is added when a sweep first writes it
// (HyperparameterSchema), and sweep_hyperparameters names the ones that belong to each sweep. Definition is the
// table as schema version 1 created it, never edited; columns added by later versions are in AddedColumns, and
// StatusIndex came with version 4, FinishedColumn with version 5.
using SweepCluster.Core.Reports;

namespace SweepCluster.Store.Schema;

/// <summary>The <c>trials</c> table.</summary>
public static class TrialsTable
{
    public const string Name = "trials";
    public const string Sweep = TrialColumns.Sweep;
    public const string Trial = TrialColumns.Trial;
    public const string Combination = TrialColumns.Combination;
    public const string Seed = TrialColumns.Seed;
    public const string Status = TrialColumns.Status;
    public const string FinalMetric = TrialColumns.FinalMetric;
    public const string BestMetric = TrialColumns.BestMetric;
    public const string BestEpoch = TrialColumns.BestEpoch;
    public const string EpochsRun = TrialColumns.EpochsRun;
    public const string WallSeconds = TrialColumns.WallSeconds;
    public const string Silo = TrialColumns.Silo;
    public const string Attempts = TrialColumns.Attempts;
    public const string PrunedAtEpoch = TrialColumns.PrunedAtEpoch;
    public const string PbtDonor = TrialColumns.PbtDonor;
    public const string TestMetric = TrialColumns.TestMetric;
    public const string Finished = TrialColumns.Finished;

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(Sweep, ColumnType.Text),
            new(Trial, ColumnType.Integer),
            new(Combination, ColumnType.Integer),
            new(Seed, ColumnType.Integer),
            new(Status, ColumnType.Text),
            new(FinalMetric, ColumnType.Real, Nullable: true),
            new(BestMetric, ColumnType.Real, Nullable: true),
            new(BestEpoch, ColumnType.Integer, Nullable: true),
            new(EpochsRun, ColumnType.Integer),
            new(WallSeconds, ColumnType.Real, Nullable: true),
            new(Silo, ColumnType.Text, Nullable: true),
            new(Attempts, ColumnType.Integer),
            new(PrunedAtEpoch, ColumnType.Integer, Nullable: true),
            new(PbtDonor, ColumnType.Integer, Nullable: true),
        ],
        [Sweep, Trial]);

    /// <summary>The held-out test metric column (schema version 3).</summary>
    public static readonly ColumnDefinition TestMetricColumn = new(TestMetric, ColumnType.Real, Nullable: true);

    /// <summary>When the trial reached its terminal status (schema version 5); null while it has not, and in rows written
    /// before version 5.</summary>
    public static readonly ColumnDefinition FinishedColumn = new(Finished, ColumnType.Timestamp, Nullable: true);

    /// <summary>The trials of a sweep by status (schema version 4): a status filter, and its count, read the index alone.</summary>
    public static readonly IndexDefinition StatusIndex = new("trials_status", [Sweep, Status]);

    /// <summary>Fixed columns added after version 1, in the order the versions added them.</summary>
    public static readonly IReadOnlyList<ColumnDefinition> AddedColumns = [TestMetricColumn, FinishedColumn];

    /// <summary>The fixed columns' names: a hyperparameter column may not take one of them.</summary>
    public static readonly IReadOnlySet<string> FixedColumns =
        Definition.Columns.Concat(AddedColumns).Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
}
