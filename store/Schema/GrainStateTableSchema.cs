// The grain_state table: Orleans grain state as opaque bytes with an etag, keyed (grain type, grain id, state name),
// so that the study tables and the grains' state live in one file or database.
namespace SweepCluster.Store.Schema;

/// <summary>The <c>grain_state</c> table.</summary>
public static class GrainStateTableSchema
{
    public const string Name = "grain_state";
    public const string GrainType = "grain_type";
    public const string GrainId = "grain_id";
    public const string StateName = "state_name";
    public const string Payload = "payload";
    public const string ETag = "etag";
    public const string Written = "written";

    public static readonly TableDefinition Definition = new(
        Name,
        [
            new(GrainType, ColumnType.Text),
            new(GrainId, ColumnType.Text),
            new(StateName, ColumnType.Text),
            new(Payload, ColumnType.Blob),
            new(ETag, ColumnType.Text),
            new(Written, ColumnType.Timestamp),
        ],
        [GrainType, GrainId, StateName]);
}
