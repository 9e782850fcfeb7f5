// The few helpers every table class uses: run work on an open connection (or in a write transaction) with the
// engine's errors turned into StoreExceptions, create a command, bind a typed parameter.
using System.Data.Common;
using SweepCluster.Store.Dialects;

namespace SweepCluster.Store.Sql;

/// <summary>Connection, transaction and parameter helpers over an <see cref="IStoreDialect"/>.</summary>
internal static class DialectCommands
{
    /// <summary>Runs <paramref name="work"/> on a fresh connection; engine errors become <see cref="StoreException"/>s.</summary>
    public static async Task<T> RunAsync<T>(
        this IStoreDialect dialect, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception exception) when (exception is not StoreException && dialect.Translate(exception) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction (see <see cref="IStoreDialect.InWriteTransactionAsync"/>); engine errors become <see cref="StoreException"/>s.</summary>
    public static async Task<T> WriteAsync<T>(
        this IStoreDialect dialect, Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await dialect.InWriteTransactionAsync(work, cancellationToken);
        }
        catch (Exception exception) when (exception is not StoreException && dialect.Translate(exception) is { } error)
        {
            throw error;
        }
    }

    /// <summary>A command on <paramref name="connection"/>, in <paramref name="transaction"/> when given.</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds the parameter <paramref name="name"/> (e.g. "@sweep") typed as <paramref name="type"/>.</summary>
    public static DbParameter Add(this IStoreDialect dialect, DbCommand command, string name, ColumnType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        dialect.Bind(parameter, type, value);
        command.Parameters.Add(parameter);
        return parameter;
    }
}
