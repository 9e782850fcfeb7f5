// The column types the store uses, independent of the engine: each dialect names them (SQLite REAL, PostgreSQL double
// precision, ...). Hyperparameter columns use only Text, Real and Integer.
namespace SweepCluster.Store;

/// <summary>An engine-neutral column type.</summary>
public enum ColumnType
{
    /// <summary>Text (schedule families, statuses, names).</summary>
    Text,

    /// <summary>A 64-bit float.</summary>
    Real,

    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>Bytes (grain-state payloads).</summary>
    Blob,

    /// <summary>A UTC instant (SQLite: ISO-8601 text; PostgreSQL: timestamptz).</summary>
    Timestamp,
}
