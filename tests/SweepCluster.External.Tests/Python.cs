// The python3 the process tests start: /usr/bin/python3 when it exists, else the first python3 on PATH.
namespace SweepCluster.External.Tests;

internal static class Python
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (File.Exists("/usr/bin/python3")) return "/usr/bin/python3";
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(directory, "python3");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("the external-trainer tests need python3 (/usr/bin/python3 or on PATH)");
    }
}
