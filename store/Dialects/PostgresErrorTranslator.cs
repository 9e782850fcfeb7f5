// Turns Npgsql's exceptions into StoreExceptions: a server error by its SQLSTATE (credentials, missing database,
// privileges, shutdown; lock timeouts and deadlocks as Locked, which a writer retries), anything below the protocol
// (refused, unknown host, timed out, dropped) as Unreachable. The server's own message text is kept as the detail; Npgsql never puts the password in it.
using System.Net.Sockets;
using Npgsql;

namespace SweepCluster.Store.Dialects;

/// <summary>Maps Npgsql errors to <see cref="StoreException"/>s.</summary>
internal static class PostgresErrorTranslator
{
    public static StoreException? Translate(Exception exception, string store, PostgresStoreLocation location) => exception switch
    {
        StoreException error => error,
        PostgresException server => FromServer(server, store, location),
        NpgsqlException or SocketException or TimeoutException => StoreErrors.Unreachable(store, NetworkDetail(exception), exception),
        _ => null,
    };

    private static StoreException FromServer(PostgresException error, string store, PostgresStoreLocation location) => error.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
            StoreErrors.BadCredentials(store, location.User, error),
        PostgresErrorCodes.InvalidCatalogName => StoreErrors.MissingDatabase(store, location.Database, error),
        PostgresErrorCodes.InsufficientPrivilege => StoreErrors.PermissionDenied(store, error.MessageText, error),
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections => StoreErrors.Unreachable(store, error.MessageText, error),
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure =>
            StoreErrors.LockConflict(store, error.MessageText, error),
        _ => StoreErrors.Failed(store, $"{error.MessageText} (SQLSTATE {error.SqlState})", error),
    };

    /// <summary>The innermost cause in a few words: "connection refused", "timed out", ...</summary>
    private static string NetworkDetail(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
                        SocketError.TimedOut => "timed out",
                        SocketError.ConnectionReset or SocketError.ConnectionAborted => "the connection was dropped",
                        _ => socket.Message,
                    };
                case TimeoutException:
                    return "timed out";
            }
        }
        return exception.Message;
    }
}
