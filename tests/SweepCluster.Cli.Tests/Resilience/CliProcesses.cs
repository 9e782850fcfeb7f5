// Many `sweep` processes at once, each bounded in time; what each printed and how it ended.
using System.Diagnostics;

namespace SweepCluster.Cli.Tests.Resilience;

public sealed record CliResult(string[] Arguments, int ExitCode, string Output)
{
    /// <summary>A .NET stack trace line ("   at Namespace.Type.Method(...)"), or an exception's name as .NET prints it unhandled.</summary>
    public bool HasStackTrace => Output.Split('\n').Any(line => line.TrimStart().StartsWith("at ") && line.Contains('(')) || Output.Contains("Unhandled exception");

    public override string ToString() => $"sweep {string.Join(' ', Arguments)} → exit {ExitCode}:\n{Output}";
}

public static class CliProcesses
{
    /// <summary>A bound on one process, so that a hung one fails the test instead of hanging it (not a performance threshold).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(8);

    /// <summary>
    /// The client's deadlines for these tests: 50 processes JIT-starting .NET on 2 cores shared with other builds took
    /// over 60 s (the default connect deadline) for a single connection attempt, so the default would be a timing
    /// threshold. These bound a hang instead; the defaults' own behaviour is covered by the unit tests.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> GenerousTimeouts = new Dictionary<string, string>
    {
        [Cluster.TimeoutOptions.ConnectVariable] = "420",
        [Cluster.TimeoutOptions.CallVariable] = "60",
        [Cluster.TimeoutOptions.RetryVariable] = "420",
    };

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sweep.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in GenerousTimeouts) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sweep {string.Join(' ', arguments)} did not end within {Bound}");
        }
        return new CliResult(arguments, process.ExitCode, await output + await error);
    }
}
