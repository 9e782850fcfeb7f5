// The table that makes a database a SweepCluster store: one row per schema version applied, the highest being the
// store's version. A database with other tables and no such row is someone else's.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>sweepcluster_schema</c> table.</summary>
public static class SchemaVersionTable
{
    public const string Name = "sweepcluster_schema";
    public const string Version = "version";
    public const string Applied = "applied";
    public const string Description = "description";

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(Version, ColumnType.Integer),
            new(Applied, ColumnType.Timestamp),
            new(Description, ColumnType.Text),
        ],
        [Version]);
}
