// Store files for the SQLite tests: a new file name in the test's own temporary folder each time, with a short busy
// timeout so that lock tests end quickly.
using SweepCluster.Store;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Sqlite;

public static class SqliteLocations
{
    /// <summary>The busy timeout of test stores (the default is longer).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(1);

    private static int _files;

    /// <summary>A store file that does not exist yet in <paramref name="folder"/>.</summary>
    public static SqliteStoreLocation NewIn(TempDirectory folder) =>
        new(folder.File($"store-{Interlocked.Increment(ref _files)}.db")) { BusyTimeout = BusyTimeout };
}
