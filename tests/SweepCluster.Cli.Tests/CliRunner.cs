using System.Diagnostics;
using SweepCluster.Cli.Commands;
using Spectre.Console;

namespace SweepCluster.Cli.Tests;

/// <summary>Runs the CLI in this process (captured console) or as a separate `dotnet sweep.dll` process.</summary>
public static class CliRunner
{
    /// <summary>Wide enough that no message is wrapped in the captured output.</summary>
    private const int WideConsole = 400;

    public static (int ExitCode, string Output) Train(TrainCommand.TrainOptions options)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = WideConsole;
        var exit = TrainCommand.Run(console, options, CancellationToken.None);
        return (exit, writer.ToString());
    }

    /// <summary>Starts the built CLI (sweep.dll beside the tests) in a new process and waits for it.</summary>
    public static (int ExitCode, string Output) Process(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sweep.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}

/// <summary>A temporary directory removed after the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sweepcluster-cli-").FullName;

    public string File(string name, string? contents = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        if (contents is not null) System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
