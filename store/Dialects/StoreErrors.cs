// The one-line messages of every StoreException, in one place so that both dialects and the migrator say the same
// thing the same way: what is wrong with which store, then what to do. A message never carries a password.
namespace SweepCluster.Store.Dialects;

/// <summary>Builds <see cref="StoreException"/>s with their messages.</summary>
internal static class StoreErrors
{
    /// <summary>How many foreign table names a "not a store" message lists.</summary>
    private const int TablesNamed = 5;

    public static StoreException Corrupt(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.Corrupt, store,
            $"{store} is damaged or is not a SQLite file ({detail}): restore it from a backup, or move it away so that a new store is created there",
            inner);

    public static StoreException Locked(string store, TimeSpan waited, Exception? inner = null) =>
        new(StoreErrorKind.Locked, store,
            $"{store} is locked by another process (still locked after {waited.TotalSeconds:0.#} s): stop the other program that writes to it, or wait for it to finish, then try again",
            inner);

    public static StoreException LockConflict(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.Locked, store,
            $"{store} could not lock what this write needed ({detail}): another writer held it; the write can be tried again",
            inner);

    public static StoreException NotAStore(string store, IEnumerable<string> tables) =>
        new(StoreErrorKind.NotAStore, store,
            $"{store} is not a SweepCluster store: it holds other tables ({NameSome(tables)}) and no SweepCluster schema version; use another file or database for SweepCluster");

    public static StoreException Empty(string store) =>
        new(StoreErrorKind.NotAStore, store,
            $"{store} is empty: it is not a SweepCluster store; name the store that a silo or `sweep run` wrote (--store)");

    public static StoreException NotFound(string store) =>
        new(StoreErrorKind.NotFound, store,
            $"{store} does not exist: check the path, and name the store that a silo or `sweep run` wrote (--store)");

    public static StoreException OlderSchema(string store, int found, int known) =>
        new(StoreErrorKind.OlderSchema, store,
            $"{store} was written by an older SweepCluster (schema version {found}; this program reads version {known}): start a silo or `sweep run` on it once to upgrade it, then read it again");

    public static StoreException NewerSchema(string store, int found, int known) =>
        new(StoreErrorKind.NewerSchema, store,
            $"{store} was written by a newer SweepCluster (schema version {found}; this program knows versions up to {known}): upgrade SweepCluster, or use another store");

    public static StoreException CannotOpen(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.CannotOpen, store,
            $"{store} cannot be opened ({detail}): check that its folder exists and is writable and that the path names a file",
            inner);

    public static StoreException Unreachable(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.Unreachable, store,
            $"{store} is unreachable ({detail}): check that the PostgreSQL server is running and that the host and port are right",
            inner);

    public static StoreException BadCredentials(string store, string user, Exception? inner = null) =>
        new(StoreErrorKind.BadCredentials, store,
            $"{store} refused the credentials of user '{user}': check the user name and the password",
            inner);

    public static StoreException MissingDatabase(string store, string database, Exception? inner = null) =>
        new(StoreErrorKind.MissingDatabase, store,
            $"{store}: the database '{database}' does not exist: create it (e.g. createdb {database}) or name another database",
            inner);

    public static StoreException PermissionDenied(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.PermissionDenied, store,
            $"{store} refused an operation ({detail}): give this user the right to create and write tables there, or use another store",
            inner);

    public static StoreException Failed(string store, string detail, Exception? inner = null) =>
        new(StoreErrorKind.Failed, store, $"{store} failed: {detail}", inner);

    private static string NameSome(IEnumerable<string> tables)
    {
        var sorted = tables.Order(StringComparer.Ordinal).ToList();
        var named = string.Join(", ", sorted.Take(TablesNamed));
        return sorted.Count > TablesNamed ? $"{named}, … {sorted.Count} in all" : named;
    }
}
