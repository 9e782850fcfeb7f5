// A temporary folder for one test, removed with everything in it when the test ends.
namespace SweepCluster.Store.Tests.Support;

/// <summary>A folder under the system's temporary directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "sweepcluster-store-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server or connection that still holds a file: the system's temp cleaning takes it later.
        }
    }
}
