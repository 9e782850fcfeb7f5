// The sweeps table: one row per sweep with its spec text, status, times and ranking metric.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>sweeps</c> table.</summary>
public static class SweepsTable
{
    public const string Name = "sweeps";
    public const string Id = "id";
    public const string SweepName = "name";
    public const string Spec = "spec";
    public const string Status = "status";
    public const string Created = "created";
    public const string Finished = "finished";
    public const string Metric = "metric";
    public const string Goal = "goal";

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(Id, ColumnType.Text),
            new(SweepName, ColumnType.Text),
            new(Spec, ColumnType.Text),
            new(Status, ColumnType.Text),
            new(Created, ColumnType.Timestamp),
            new(Finished, ColumnType.Timestamp, Nullable: true),
            new(Metric, ColumnType.Text),
            new(Goal, ColumnType.Text),
        ],
        [Id],
        [new IndexDefinition("sweeps_created", [Created])]);
}
