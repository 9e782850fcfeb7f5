// Creates a store in an empty database or upgrades an older one, and refuses anything else: a database with other
// tables and no version row (not a store), or a version newer than this program knows. The first look takes no lock
// and changes nothing, so a foreign database is never touched and an up-to-date store opens with one read; changes
// happen in one write transaction under the schema lock, after looking again (another process may have migrated).
using System.Data.Common;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.Schema;

/// <summary>Brings a database to the schema version of its migrations.</summary>
internal sealed class SchemaMigrator
{
    private readonly IReadOnlyList<SchemaMigration> _migrations;

    public SchemaMigrator(IReadOnlyList<SchemaMigration> migrations)
    {
        if (migrations.Count == 0 || migrations.Select((m, i) => m.Version != i + 1).Any(gap => gap))
            throw new ArgumentException("migrations must be numbered 1, 2, ... without gaps", nameof(migrations));
        _migrations = migrations;
    }

    /// <summary>The program's schema: every version in <see cref="SchemaMigrations.All"/>.</summary>
    public static SchemaMigrator Default { get; } = new(SchemaMigrations.All);

    /// <summary>The version a migrated store has.</summary>
    public int TargetVersion => _migrations[^1].Version;

    /// <summary>Creates or upgrades the store; returns its version (always <see cref="TargetVersion"/>).</summary>
    /// <exception cref="StoreException">Not a store, a newer schema, or the engine's own errors (corrupt, locked, ...).</exception>
    public async Task<int> MigrateAsync(IStoreDialect dialect, CancellationToken cancellationToken)
    {
        var current = await dialect.RunAsync(async connection =>
        {
            var version = await InspectAsync(dialect, connection, null, cancellationToken);
            await dialect.PrepareStoreAsync(connection, cancellationToken);
            return version;
        }, cancellationToken);
        if (current == TargetVersion) return TargetVersion;
        return await dialect.WriteAsync(async (connection, transaction) =>
        {
            await dialect.LockSchemaAsync(connection, transaction, cancellationToken);
            var found = await InspectAsync(dialect, connection, transaction, cancellationToken);
            if (found is null) await ExecuteAsync(connection, transaction, DdlWriter.Create(dialect, SchemaVersionTable.Definition), cancellationToken);
            foreach (var migration in _migrations.Where(m => m.Version > (found ?? 0)))
            {
                await ExecuteAsync(connection, transaction, migration.Statements(dialect), cancellationToken);
                await RecordAsync(dialect, connection, transaction, migration, cancellationToken);
            }
            return TargetVersion;
        }, cancellationToken);
    }

    /// <summary>The store's version, for a reader: changes nothing, takes no lock, and refuses an empty database (not a
    /// store yet) and an older version (a reader does not migrate) as well as what <see cref="MigrateAsync"/> refuses.</summary>
    /// <exception cref="StoreException">Empty or not a store, an older or newer schema, or the engine's own errors.</exception>
    public Task<int> CheckAsync(IStoreDialect dialect, CancellationToken cancellationToken) =>
        dialect.RunAsync(async connection =>
        {
            var found = await InspectAsync(dialect, connection, null, cancellationToken) ?? throw StoreErrors.Empty(dialect.StoreName);
            if (found < TargetVersion) throw StoreErrors.OlderSchema(dialect.StoreName, found, TargetVersion);
            return found;
        }, cancellationToken);

    /// <summary>The store's version; null for an empty database.</summary>
    private async Task<int?> InspectAsync(
        IStoreDialect dialect, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        // Orleans' membership tables alone (its own scripts ran first) do not make a database someone else's.
        var tables = (await dialect.ReadTableNamesAsync(connection, transaction, cancellationToken))
            .Where(table => !OrleansMembershipSchema.Tables.Contains(table)).ToHashSet(StringComparer.Ordinal);
        if (tables.Count == 0) return null;
        if (!tables.Contains(SchemaVersionTable.Name)) throw StoreErrors.NotAStore(dialect.StoreName, tables);
        await using var command = connection.Command(transaction,
            $"SELECT MAX({dialect.Quote(SchemaVersionTable.Version)}) FROM {dialect.Quote(SchemaVersionTable.Name)}");
        var version = await command.ExecuteScalarAsync(cancellationToken);
        if (version is null or DBNull) throw StoreErrors.NotAStore(dialect.StoreName, tables.Where(t => t != SchemaVersionTable.Name));
        var found = Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
        if (found > TargetVersion) throw StoreErrors.NewerSchema(dialect.StoreName, found, TargetVersion);
        return found;
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await using var command = connection.Command(transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task RecordAsync(
        IStoreDialect dialect, DbConnection connection, DbTransaction transaction, SchemaMigration migration, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction,
            $"INSERT INTO {dialect.Quote(SchemaVersionTable.Name)} " +
            $"({dialect.Quote(SchemaVersionTable.Version)}, {dialect.Quote(SchemaVersionTable.Applied)}, {dialect.Quote(SchemaVersionTable.Description)}) " +
            "VALUES (@version, @applied, @description)");
        dialect.Add(command, "@version", ColumnType.Integer, (long)migration.Version);
        dialect.Add(command, "@applied", ColumnType.Timestamp, DateTimeOffset.UtcNow);
        dialect.Add(command, "@description", ColumnType.Text, migration.Description);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
