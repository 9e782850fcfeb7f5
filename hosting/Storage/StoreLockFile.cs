// One silo per SQLite store: an exclusive OS lock on `<store>.lock` beside the file, held for the silo's life. A second
// silo on the same store (which would form a second cluster over the same grain state and run its sweeps twice) is
// refused at once. The lock file stays after the silo ends; only the lock on it goes (the OS frees it even on kill -9).
using SweepCluster.Store;

namespace SweepCluster.Hosting.Storage;

/// <summary>The held lock of a SQLite store.</summary>
public sealed class StoreLockFile : IDisposable
{
    /// <summary>What is appended to the store's file name.</summary>
    public const string Suffix = ".lock";

    private readonly FileStream _stream;

    private StoreLockFile(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="location"/>'s store.</summary>
    /// <exception cref="StoreException">Another silo holds it (<see cref="StoreErrorKind.Locked"/>), or it cannot be created.</exception>
    public static StoreLockFile Take(SqliteStoreLocation location)
    {
        var store = Path.GetFullPath(location.Path);
        var path = store + Suffix;
        try
        {
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
            return new StoreLockFile(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException error) when (File.Exists(path) && !Directory.Exists(path))
        {
            throw new StoreException(StoreErrorKind.Locked, location.ToString(),
                $"{location} is already served by another silo on this machine (it holds {path}): submit to that silo's cluster " +
                "(e.g. `sweep submit SPEC --gateway-port P` with its gateway port), or start this one with another --store PATH", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorKind.CannotOpen, location.ToString(),
                $"{location} cannot be opened (its lock file {path}: {error.Message}): check that its folder exists and is writable", error);
        }
    }

    public void Dispose() => _stream.Dispose();
}
