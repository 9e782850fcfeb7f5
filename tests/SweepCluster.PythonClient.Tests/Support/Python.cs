// Where the tests find python3 and the sweepcluster package: /usr/bin/python3 when it exists, else python3 on PATH;
// the package from clients/python of the repository these tests were built from (found by walking up to SweepCluster.sln).
using System.Diagnostics;

namespace SweepCluster.PythonClient.Tests.Support;

public static class Python
{
    /// <summary>The interpreter the tests run.</summary>
    public static string Executable { get; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>The repository root: the first folder above the test binaries holding SweepCluster.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder to put on PYTHONPATH: it holds the sweepcluster package.</summary>
    public static string ClientPath => Path.Combine(RepositoryRoot, "clients", "python");

    /// <summary>A script copied next to the test binaries (Scripts/).</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    /// <summary>Starts <paramref name="script"/> with every stream redirected and the package on PYTHONPATH.</summary>
    /// <param name="trialFile">The value of SWEEPCLUSTER_TRIAL; null leaves it unset.</param>
    public static Process Start(string script, IEnumerable<string> arguments, string? trialFile)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PYTHONPATH"] = ClientPath;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1"; // no __pycache__ in the source tree
        start.Environment.Remove("PYTHONUNBUFFERED"); // the package must flush its own lines
        if (trialFile is null) start.Environment.Remove("SWEEPCLUSTER_TRIAL");
        else start.Environment["SWEEPCLUSTER_TRIAL"] = trialFile;
        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no SweepCluster.sln above {AppContext.BaseDirectory}");
    }
}
