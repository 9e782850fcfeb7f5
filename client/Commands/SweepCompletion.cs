// How a command that trains in this process ends a sweep: follows it live to its end, prints the ranked report and
// writes it in every format, with the run table (trials.csv, history.csv), to a report folder. The first Ctrl+C or
// SIGTERM cancels the sweep (its trials stop at their next batch and it stays resumable in the store), writes the
// partial report and says how to resume it; exit code 130. `sweep run` uses it, and `sweep resume` and `sweep extend`
// when they opened the store with a silo of their own.
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Commands;

public static class SweepCompletion
{
    /// <param name="folderName">The report folder's name under <paramref name="output"/> (name-id).</param>
    /// <param name="resumeHint">What to print on an interruption: how to resume (see <see cref="ResumeHint"/>).</param>
    /// <returns>The exit code: success when the sweep completed, 130 when interrupted.</returns>
    public static async Task<int> WatchAndReportAsync(IAnsiConsole console, IGrainFactory grains, ISweepCoordinatorGrain coordinator, string folderName,
        DirectoryInfo output, string resumeHint, CancellationToken cancellation)
    {
        var calls = new CallRetry(ClientTimeouts.DefaultRetry);
        SweepProgress? progress = null;
        try
        {
            progress = await SweepWatcher.WatchAsync(console, coordinator, calls, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await calls.RunAsync("cancelling the sweep", coordinator.CancelAsync);
        }

        var report = (await calls.RunAsync("the sweep's report", coordinator.GetReportAsync))!;
        var folder = Path.Combine(output.FullName, folderName);
        var catalog = grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        // The report folder is written while the terminal shows the report.
        var writing = Task.Run(async () =>
        {
            var runs = await calls.RunAsync("the sweep's run tables", () => catalog.GetRunTablesAsync(coordinator.GetPrimaryKeyString()));
            ReportOutput.WriteAll(report, folder, runs);
        });
        if (progress is not null) ReportOutput.Print(console, report);
        await writing;
        if (progress is null)
        {
            console.MarkupLineInterpolated($"[yellow]interrupted[/]: sweep {coordinator.GetPrimaryKeyString()} stopped; its ended trials are kept");
            console.MarkupLineInterpolated($"partial report written to [bold]{folder}[/]");
            console.WriteLine(resumeHint);
            return (int)ExitCode.Cancelled;
        }
        console.MarkupLineInterpolated($"report written to [bold]{folder}[/] (txt, md, csv, json, html; trials.csv, history.csv)");
        return progress.Status == SweepStatus.Completed ? (int)ExitCode.Success : (int)ExitCode.SweepFailed;
    }
}
