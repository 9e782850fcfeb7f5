// What `sweep watch` and `sweep submit --wait` print when they stop following a sweep: on Ctrl+C, that the sweep goes on
// in the cluster and how to follow it again; at its end, where its full report is.
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class WatchEnding
{
    /// <summary>Ctrl+C while following: the sweep is left as it is. Returns exit code 130.</summary>
    /// <param name="inCluster">Whether the sweep trains in a cluster (else it was read from a store by a silo of this
    /// process, which trains nothing for it).</param>
    public static int Detached(IAnsiConsole console, string sweepId, bool inCluster = true)
    {
        console.WriteLine();
        if (inCluster)
            console.MarkupLineInterpolated($"[yellow]detached[/]: sweep {sweepId} goes on in the cluster; follow it again with `sweep watch {sweepId}`");
        else
            console.MarkupLineInterpolated($"[yellow]stopped watching[/] sweep {sweepId}");
        return (int)ExitCode.Cancelled;
    }

    /// <summary>The pointer to the full report once the sweep ended.</summary>
    public static void PointToReport(IAnsiConsole console, string sweepId) =>
        console.WriteLine($"full report: `sweep report {sweepId}` (-o DIR writes it in every format)");
}
