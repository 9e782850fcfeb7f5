// The escape sequence that gives a terminal its cursor back when the process ends under a live display.
namespace SweepCluster.Cli.Interrupts;

public static class TerminalReset
{
    /// <summary>DECTCEM "show cursor"; written only when standard output is a terminal.</summary>
    public static string ShowCursor => Console.IsOutputRedirected ? "" : "\u001b[?25h";
}
