using SweepCluster.Engine.Data;
using SweepCluster.Engine.Specs;
using Spectre.Console;

namespace SweepCluster.Cli;

/// <summary>Prints refused input the same way for every command and maps it to <see cref="ExitCode.InvalidInput"/>.</summary>
public static class InputErrors
{
    /// <summary>Whether <paramref name="error"/> is a problem with what the user gave us (not a bug of ours).</summary>
    public static bool IsInputError(Exception error) =>
        error is SpecException or DataFormatException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException
            or Commands.InvalidFlagException;

    public static int Report(IAnsiConsole console, Exception error)
    {
        var lines = error is SpecException spec ? spec.Errors.Select(e => e.ToString()) : [error.Message];
        foreach (var line in lines) console.MarkupLineInterpolated($"[red]error:[/] {line}");
        return (int)ExitCode.InvalidInput;
    }
}
