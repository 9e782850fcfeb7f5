// A temporary folder holding the toy external trainer (Trainers/toy_trainer.py, copied beside the test binaries), for
// the tests that sweep it as real python3 processes; with the interpreter they run and where the Python helper is.
namespace SweepCluster.Testing;

public sealed class ToyTrainerFolder : IDisposable
{
    /// <summary>/usr/bin/python3 when it exists (Debian's, with the packages .ci/install-deps installs), else python3.</summary>
    public static string Python { get; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The folder to put on PYTHONPATH: clients/python of the repository the tests were built from.</summary>
    public static string ClientPath { get; } = FindClientPath();

    /// <param name="prefix">Names the folder, e.g. "trainer-cli".</param>
    public ToyTrainerFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Trainers", "toy_trainer.py"), System.IO.Path.Combine(Path, "toy_trainer.py"));
    }

    /// <summary>The folder, with toy_trainer.py in it.</summary>
    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static string FindClientPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SweepCluster.sln"))) return System.IO.Path.Combine(dir.FullName, "clients", "python");
        throw new InvalidOperationException($"no SweepCluster.sln above {AppContext.BaseDirectory}");
    }
}
