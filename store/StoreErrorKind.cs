// What went wrong with a store, as an enum so that callers (CLI exit codes, silo start-up) decide by kind, not by text.
namespace SweepCluster.Store;

/// <summary>Why a store could not be opened or used.</summary>
public enum StoreErrorKind
{
    /// <summary>The SQLite file is damaged or is not a SQLite file at all.</summary>
    Corrupt,

    /// <summary>Another process holds the SQLite file's write lock longer than the busy timeout, or another PostgreSQL
    /// writer held a lock this write needed (a lock timeout, a deadlock): trying again later can succeed.</summary>
    Locked,

    /// <summary>The database holds other tables and no SweepCluster schema version: someone else's database.</summary>
    NotAStore,

    /// <summary>The store was written by a newer SweepCluster (a schema version this program does not know).</summary>
    NewerSchema,

    /// <summary>The SQLite file cannot be opened or created (a missing or unwritable folder, a directory in its place).</summary>
    CannotOpen,

    /// <summary>The PostgreSQL server cannot be reached (nothing listens, wrong host or port, a timeout, a dropped connection).</summary>
    Unreachable,

    /// <summary>The PostgreSQL server refused the user name or password.</summary>
    BadCredentials,

    /// <summary>The PostgreSQL server has no database of that name.</summary>
    MissingDatabase,

    /// <summary>The database refused an operation to this user (e.g. no CREATE on the schema), or the file is read-only.</summary>
    PermissionDenied,

    /// <summary>Any other database error; the message carries the engine's own text.</summary>
    Failed,

    /// <summary>A store opened only for reading does not exist (a SQLite file that is not there).</summary>
    NotFound,

    /// <summary>A store opened only for reading has an older schema version; readers do not migrate.</summary>
    OlderSchema,
}
