// Runs a program built beside the tests (sweep.dll, sweepcluster-silo.dll) as its own process, bounded in time, and
// captures its output. On time-out the process (ours) is killed with its children.
using System.Diagnostics;

namespace SweepCluster.Web.Tests;

public sealed record ProgramResult(int ExitCode, string Output, string Error);

public static class DotnetProgram
{
    public const string Cli = "sweep.dll";
    public const string Silo = "sweepcluster-silo.dll";

    /// <summary>A bound on any one program run, so that a hung program fails its test instead of the whole suite.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static async Task<ProgramResult> RunAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var bound = timeout ?? Timeout;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} {string.Join(' ', start.ArgumentList.Skip(1))} did not end within {bound}");
        }
        return new ProgramResult(process.ExitCode, await output, await error);
    }
}
