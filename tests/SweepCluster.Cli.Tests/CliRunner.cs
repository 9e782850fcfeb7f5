using System.Diagnostics;
using SweepCluster.Cli.Commands;
using Spectre.Console;

namespace SweepCluster.Cli.Tests;

/// <summary>Runs the CLI in this process (captured console) or as a separate `dotnet sweep.dll` process.</summary>
public static class CliRunner
{
    /// <summary>Wide enough that no message is wrapped in the captured output.</summary>
    private const int WideConsole = 100_000; // paths make error lines long

    public static (int ExitCode, string Output) Train(TrainCommand.TrainOptions options) =>
        Capture(console => TrainCommand.Run(console, options, CancellationToken.None));

    /// <summary>Runs <paramref name="command"/> against a captured, wide, colourless, non-interactive console.</summary>
    public static (int ExitCode, string Output) Capture(Func<IAnsiConsole, int> command)
    {
        var (console, writer) = CapturedConsole();
        return (command(console), writer.ToString());
    }

    public static async Task<(int ExitCode, string Output)> CaptureAsync(Func<IAnsiConsole, Task<int>> command)
    {
        var (console, writer) = CapturedConsole();
        return (await command(console), writer.ToString());
    }

    private static (IAnsiConsole Console, StringWriter Writer) CapturedConsole()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = WideConsole;
        return (console, writer);
    }

    /// <summary>The repository root (the folder holding SweepCluster.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("tests run from inside the repository");
    }

    /// <summary>Starts the built CLI (sweep.dll beside the tests) in a new process and waits for it.</summary>
    public static (int ExitCode, string Output) Process(params string[] arguments) => ProcessIn(null, arguments);

    /// <summary>As <see cref="Process"/>, in <paramref name="workingDirectory"/> (null: the tests' own).</summary>
    public static (int ExitCode, string Output) ProcessIn(string? workingDirectory, params string[] arguments) =>
        ProcessWith(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="ProcessIn"/>, with <paramref name="environment"/> added to the process's environment.</summary>
    public static (int ExitCode, string Output) ProcessWith(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment) start.Environment[name] = value;
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
