// Where the built programs are, from the location of the running assembly (tests or bench, any configuration).
namespace SweepCluster.Testing.MultiHost;

public static class BuildOutput
{
    /// <summary>The repository root (the folder holding SweepCluster.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>Release or Debug: the configuration this assembly was built in (…/bin/{configuration}/{framework}/).</summary>
    public static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The silo program of the same configuration.</summary>
    public static string SiloAssembly() =>
        Path.Combine(RepositoryRoot(), "silo", "bin", Configuration(), $"net{Environment.Version.Major}.0", "sweepcluster-silo.dll");

    /// <summary>The CLI of the same configuration.</summary>
    public static string CliAssembly() =>
        Path.Combine(RepositoryRoot(), "client", "bin", Configuration(), $"net{Environment.Version.Major}.0", "sweep.dll");
}
