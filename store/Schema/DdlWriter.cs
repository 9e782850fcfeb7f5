// Writes CREATE TABLE and CREATE INDEX statements for a TableDefinition in a dialect (its type names, its quoting).
using System.Text;
using SweepCluster.Store.Dialects;

namespace SweepCluster.Store.Schema;

/// <summary>Renders table definitions as SQL.</summary>
internal static class DdlWriter
{
    /// <summary>CREATE TABLE, then one CREATE INDEX per secondary index.</summary>
    public static IEnumerable<string> Create(IStoreDialect dialect, TableDefinition table)
    {
        var sql = new StringBuilder("CREATE TABLE ").Append(dialect.Quote(table.Name)).Append(" (");
        foreach (var column in table.Columns)
        {
            sql.Append(dialect.Quote(column.Name)).Append(' ').Append(dialect.TypeName(column.Type));
            if (!column.Nullable) sql.Append(" NOT NULL");
            sql.Append(", ");
        }
        sql.Append("PRIMARY KEY (").Append(string.Join(", ", table.PrimaryKey.Select(dialect.Quote))).Append("))");
        yield return sql.ToString();
        foreach (var index in table.AllIndexes) yield return CreateIndex(dialect, table.Name, index);
    }

    /// <summary>CREATE INDEX of <paramref name="index"/> on <paramref name="table"/>.</summary>
    public static string CreateIndex(IStoreDialect dialect, string table, IndexDefinition index) =>
        $"CREATE INDEX {dialect.Quote(index.Name)} ON {dialect.Quote(table)} ({string.Join(", ", index.Columns.Select(dialect.Quote))})";
}
