// The epochs table: one row per trial epoch, keyed (sweep, trial, epoch), so re-writing an epoch (a trial resumed
// from a checkpoint) replaces the row instead of adding one. Every real column may be NULL: a diverged trial's NaN
// loss is stored as NULL.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>epochs</c> table.</summary>
public static class EpochsTable
{
    public const string Name = "epochs";
    public const string Sweep = "sweep";
    public const string Trial = "trial";
    public const string Epoch = "epoch";
    public const string Step = "step";
    public const string TrainLoss = "train_loss";
    public const string TrainMetric = "train_metric";
    public const string ValLoss = "val_loss";
    public const string ValMetric = "val_metric";
    public const string ValR2 = "val_r2";
    public const string LearningRate = "learning_rate";
    public const string WeightDecay = "weight_decay";
    public const string BatchSize = "batch_size";

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(Sweep, ColumnType.Text),
            new(Trial, ColumnType.Integer),
            new(Epoch, ColumnType.Integer),
            new(Step, ColumnType.Integer),
            new(TrainLoss, ColumnType.Real, Nullable: true),
            new(TrainMetric, ColumnType.Real, Nullable: true),
            new(ValLoss, ColumnType.Real, Nullable: true),
            new(ValMetric, ColumnType.Real, Nullable: true),
            new(ValR2, ColumnType.Real, Nullable: true),
            new(LearningRate, ColumnType.Real, Nullable: true),
            new(WeightDecay, ColumnType.Real, Nullable: true),
            new(BatchSize, ColumnType.Integer),
        ],
        [Sweep, Trial, Epoch]);
}
