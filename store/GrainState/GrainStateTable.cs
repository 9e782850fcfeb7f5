// Orleans grain state in the store's own file or database, as plain ADO.NET: Read returns the payload and its etag,
// Write stores a payload if the caller's etag is the stored one (null: only if nothing is stored) and returns a new
// etag, Clear removes the state under the same rule. A mismatch throws GrainStateConflictException; nothing is changed.
// Etags are fresh GUIDs, so a state cleared and written again never takes an etag that a stale holder still has.
using System.Data.Common;
using SweepCluster.Store.Dialects;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Sql;

namespace SweepCluster.Store.GrainState;

/// <summary>The grain_state table, with optimistic concurrency by etag.</summary>
public sealed class GrainStateTable
{
    private readonly IStoreDialect _dialect;
    private readonly string _keyCondition;
    private readonly string _table;

    internal GrainStateTable(IStoreDialect dialect)
    {
        _dialect = dialect;
        _table = dialect.Quote(GrainStateTableSchema.Name);
        _keyCondition = $"{dialect.Quote(GrainStateTableSchema.GrainType)} = @type AND {dialect.Quote(GrainStateTableSchema.GrainId)} = @id " +
                        $"AND {dialect.Quote(GrainStateTableSchema.StateName)} = @state";
    }

    /// <summary>The stored state; null when none is stored.</summary>
    public Task<GrainStateRecord?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default) =>
        _dialect.RunAsync(async connection =>
        {
            await using var command = KeyCommand(connection, null,
                $"SELECT {_dialect.Quote(GrainStateTableSchema.Payload)}, {_dialect.Quote(GrainStateTableSchema.ETag)} FROM {_table} WHERE {_keyCondition}",
                key);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new GrainStateRecord(reader.GetFieldValue<byte[]>(0), reader.GetString(1))
                : null;
        }, cancellationToken);

    /// <summary>Stores <paramref name="payload"/> and returns its new etag.</summary>
    /// <param name="key">Which state.</param>
    /// <param name="payload">The serialized state.</param>
    /// <param name="expectedETag">The etag the caller read; null when it read no stored state.</param>
    /// <exception cref="GrainStateConflictException">The stored etag is not <paramref name="expectedETag"/>.</exception>
    public Task<string> WriteAsync(GrainStateKey key, byte[] payload, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var newETag = Guid.NewGuid().ToString("N");
        return _dialect.WriteAsync(async (connection, transaction) =>
        {
            await using var command = expectedETag is null
                ? KeyCommand(connection, transaction,
                    $"INSERT INTO {_table} ({Columns(GrainStateTableSchema.GrainType, GrainStateTableSchema.GrainId, GrainStateTableSchema.StateName, GrainStateTableSchema.Payload, GrainStateTableSchema.ETag, GrainStateTableSchema.Written)}) " +
                    $"VALUES (@type, @id, @state, @payload, @etag, @written) " +
                    $"ON CONFLICT ({Columns(GrainStateTableSchema.GrainType, GrainStateTableSchema.GrainId, GrainStateTableSchema.StateName)}) DO NOTHING",
                    key)
                : KeyCommand(connection, transaction,
                    $"UPDATE {_table} SET {_dialect.Quote(GrainStateTableSchema.Payload)} = @payload, {_dialect.Quote(GrainStateTableSchema.ETag)} = @etag, " +
                    $"{_dialect.Quote(GrainStateTableSchema.Written)} = @written WHERE {_keyCondition} AND {_dialect.Quote(GrainStateTableSchema.ETag)} = @expected",
                    key);
            _dialect.Add(command, "@payload", ColumnType.Blob, payload);
            _dialect.Add(command, "@etag", ColumnType.Text, newETag);
            _dialect.Add(command, "@written", ColumnType.Timestamp, DateTimeOffset.UtcNow);
            if (expectedETag is not null) _dialect.Add(command, "@expected", ColumnType.Text, expectedETag);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                throw new GrainStateConflictException(key, expectedETag, await StoredETagAsync(connection, transaction, key, cancellationToken));
            return newETag;
        }, cancellationToken);
    }

    /// <summary>Removes the stored state.</summary>
    /// <param name="key">Which state.</param>
    /// <param name="expectedETag">The etag the caller read; null when it read no stored state (then nothing is removed).</param>
    /// <exception cref="GrainStateConflictException">The stored etag is not <paramref name="expectedETag"/>.</exception>
    public Task ClearAsync(GrainStateKey key, string? expectedETag, CancellationToken cancellationToken = default) =>
        _dialect.WriteAsync(async (connection, transaction) =>
        {
            if (expectedETag is null)
            {
                var stored = await StoredETagAsync(connection, transaction, key, cancellationToken);
                if (stored is not null) throw new GrainStateConflictException(key, expectedETag, stored);
                return false;
            }
            await using var command = KeyCommand(connection, transaction,
                $"DELETE FROM {_table} WHERE {_keyCondition} AND {_dialect.Quote(GrainStateTableSchema.ETag)} = @expected", key);
            _dialect.Add(command, "@expected", ColumnType.Text, expectedETag);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                throw new GrainStateConflictException(key, expectedETag, await StoredETagAsync(connection, transaction, key, cancellationToken));
            return true;
        }, cancellationToken);

    private async Task<string?> StoredETagAsync(DbConnection connection, DbTransaction transaction, GrainStateKey key, CancellationToken cancellationToken)
    {
        await using var command = KeyCommand(connection, transaction,
            $"SELECT {_dialect.Quote(GrainStateTableSchema.ETag)} FROM {_table} WHERE {_keyCondition}", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private DbCommand KeyCommand(DbConnection connection, DbTransaction? transaction, string sql, GrainStateKey key)
    {
        var command = connection.Command(transaction, sql);
        _dialect.Add(command, "@type", ColumnType.Text, key.GrainType);
        _dialect.Add(command, "@id", ColumnType.Text, key.GrainId);
        _dialect.Add(command, "@state", ColumnType.Text, key.StateName);
        return command;
    }

    private string Columns(params string[] names) => string.Join(", ", names.Select(_dialect.Quote));
}
