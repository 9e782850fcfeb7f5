// How a command that trains in this process ends a sweep: follows it live to its end (Ctrl+C cancels it, resumable),
// prints the ranked report and writes it in every format, with the run table (trials.csv, history.csv), to a report
// folder. `sweep run` uses it, and `sweep resume` and `sweep extend` when they opened the store with a silo of their own.
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Commands;

public static class SweepCompletion
{
    /// <param name="folderName">The report folder's name under <paramref name="output"/> (name-id).</param>
    /// <returns>The exit code: success when the sweep completed.</returns>
    public static async Task<int> WatchAndReportAsync(IAnsiConsole console, IGrainFactory grains, ISweepCoordinatorGrain coordinator, string folderName,
        DirectoryInfo output, CancellationToken cancellation)
    {
        var calls = new CallRetry(ClientTimeouts.DefaultRetry);
        SweepProgress progress;
        try
        {
            progress = await SweepWatcher.WatchAsync(console, coordinator, calls, cancellation);
        }
        catch (OperationCanceledException)
        {
            await calls.RunAsync("cancelling the sweep", coordinator.CancelAsync);
            throw;
        }

        var report = (await calls.RunAsync("the sweep's report", coordinator.GetReportAsync))!;
        ReportOutput.Print(console, report);
        var folder = Path.Combine(output.FullName, folderName);
        var catalog = grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        var runs = await calls.RunAsync("the sweep's run tables", () => catalog.GetRunTablesAsync(coordinator.GetPrimaryKeyString()));
        ReportOutput.WriteAll(report, folder, runs);
        console.MarkupLineInterpolated($"report written to [bold]{folder}[/] (txt, md, csv, json, html; trials.csv, history.csv)");
        return progress.Status == SweepStatus.Completed ? (int)ExitCode.Success : (int)ExitCode.SweepFailed;
    }
}
