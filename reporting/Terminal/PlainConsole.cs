// A Spectre.Console console that writes plain text (no ANSI codes, no colour, never interactive) at a fixed width to a
// TextWriter: how terminal-format output goes to a file, a string or a pipe. It reads no terminal.
using Spectre.Console;

namespace SweepCluster.Reporting.Terminal;

/// <summary>Plain-text consoles over writers.</summary>
public static class PlainConsole
{
    /// <summary>A console writing to <paramref name="output"/>, laid out <paramref name="width"/> columns wide.</summary>
    public static IAnsiConsole Over(TextWriter output, int width)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
