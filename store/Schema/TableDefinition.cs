// A table as data (its columns with engine-neutral types, its primary key, its indexes), so that one definition
// creates the table in both engines and the documentation and tests can list it. No SQL here (DdlWriter writes it).
namespace SweepCluster.Store.Schema;

/// <summary>One column of a table.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its engine-neutral type.</param>
/// <param name="Nullable">Whether it may hold NULL.</param>
public sealed record ColumnDefinition(string Name, ColumnType Type, bool Nullable = false);

/// <summary>A secondary index.</summary>
public sealed record IndexDefinition(string Name, IReadOnlyList<string> Columns);

/// <summary>A table: columns in order, the primary key, secondary indexes.</summary>
public sealed record TableDefinition(
    string Name,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IndexDefinition>? Indexes = null)
{
    /// <summary>The secondary indexes (none when not given).</summary>
    public IReadOnlyList<IndexDefinition> AllIndexes => Indexes ?? [];
}
