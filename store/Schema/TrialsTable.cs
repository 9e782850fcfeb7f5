// The trials table: one row per trial, upserted by (sweep, trial) as the trial runs. Its fixed columns are below;
// one typed column per searched hyperparameter ("learning_rate.initial", ...) is added when a sweep first writes it
// (HyperparameterSchema), and sweep_hyperparameters names the ones that belong to each sweep. Definition is the
// table as schema version 1 created it, never edited; columns added by later versions are in AddedColumns, and
// StatusIndex came with version 4.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>trials</c> table.</summary>
public static class TrialsTable
{
    public const string Name = "trials";
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

    /// <summary>The trials of a sweep by status (schema version 4): a status filter, and its count, read the index alone.</summary>
    public static readonly IndexDefinition StatusIndex = new("trials_status", [Sweep, Status]);

    /// <summary>Fixed columns added after version 1, in the order the versions added them.</summary>
    public static readonly IReadOnlyList<ColumnDefinition> AddedColumns = [TestMetricColumn];

    /// <summary>The fixed columns' names: a hyperparameter column may not take one of them.</summary>
    public static readonly IReadOnlySet<string> FixedColumns =
        Definition.Columns.Concat(AddedColumns).Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
}
