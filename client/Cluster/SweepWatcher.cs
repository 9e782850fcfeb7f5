// Follows a sweep by polling its coordinator: a live progress bar on a terminal (done/running/pending/failed, ETA,
// best so far), or one line per change when the output is redirected. Never holds a call open.
using SweepCluster.Core.Specs;
using System.Globalization;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Specs;
using Spectre.Console;
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Cluster;

public static class SweepWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan QuietLineInterval = TimeSpan.FromSeconds(2);

    /// <summary>Polls until the sweep is finished (or cancellation); returns the last progress seen. Every poll, the
    /// first included, is retried through a failover (a silo died, a gateway moved) as <paramref name="calls"/> says.</summary>
    /// <exception cref="ClusterUnavailableException">A poll did not get an answer before the retry deadline.</exception>
    /// <exception cref="UnknownSweepException">The sweep was deleted meanwhile.</exception>
    public static async Task<SweepProgress> WatchAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, CallRetry calls, CancellationToken cancellation)
    {
        var progress = await PollAsync(coordinator, calls, cancellation)
            ?? throw new UnknownSweepException($"sweep {coordinator.GetPrimaryKeyString()} is gone (deleted?)");
        if (!console.Profile.Capabilities.Interactive) return await WatchQuietlyAsync(console, coordinator, calls, progress, cancellation);

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(progress), maxValue: Math.Max(1, progress.TotalTrials));
                while (true)
                {
                    task.Description = Describe(progress);
                    task.Value = progress.Finished;
                    if (progress.IsOver) break;
                    await Task.Delay(PollInterval, cancellation);
                    progress = await PollAsync(coordinator, calls, cancellation) ?? progress;
                }
                task.StopTask();
            });
        return progress;
    }

    private static async Task<SweepProgress> WatchQuietlyAsync(IAnsiConsole console, ISweepCoordinatorGrain coordinator, CallRetry calls, SweepProgress progress,
        CancellationToken cancellation)
    {
        var lastLine = "";
        var lastPrinted = DateTimeOffset.MinValue;
        while (true)
        {
            var line = Describe(progress);
            var done = progress.IsOver;
            if (line != lastLine && (done || DateTimeOffset.UtcNow - lastPrinted >= QuietLineInterval))
            {
                console.WriteLine(line);
                (lastLine, lastPrinted) = (line, DateTimeOffset.UtcNow);
            }
            if (done) return progress;
            await Task.Delay(PollInterval, cancellation);
            progress = await PollAsync(coordinator, calls, cancellation) ?? progress;
        }
    }

    private static Task<SweepProgress?> PollAsync(ISweepCoordinatorGrain coordinator, CallRetry calls, CancellationToken cancellation) =>
        calls.RunAsync($"the progress of sweep {coordinator.GetPrimaryKeyString()}", coordinator.GetProgressAsync, cancellation);


    /// <summary>
    /// "12/48 done · 2 running · 34 pending · 0 failed · ETA 0:41 · best val_accuracy 0.9721"; with a trial scheduler
    /// also "· 6 paused" (waiting for a promotion or a PBT generation) and "· 5 pruned" (counted as done).
    /// </summary>
    public static string Describe(SweepProgress p)
    {
        var parts = new List<string>
        {
            $"{p.Finished}/{p.TotalTrials} done",
            $"{p.Count(TrialStatus.Running)} running",
            $"{p.Count(TrialStatus.Pending)} pending",
            $"{p.Count(TrialStatus.Failed)} failed",
        };
        if (p.Count(TrialStatus.Diverged) > 0) parts.Add($"{p.Count(TrialStatus.Diverged)} diverged");
        if (p.Count(TrialStatus.Paused) > 0) parts.Add($"{p.Count(TrialStatus.Paused)} paused");
        if (p.Count(TrialStatus.Pruned) > 0) parts.Add($"{p.Count(TrialStatus.Pruned)} pruned");
        if (Eta(p) is { } eta) parts.Add($"ETA {eta:m\\:ss}");
        if (p.BestMetric is { } best) parts.Add($"best {SpecNames.Of(p.Metric)} {best.ToString("0.####", CultureInfo.InvariantCulture)}");
        if (p.Status != SweepStatus.Running) parts.Add(p.Status.ToString().ToLowerInvariant());
        return string.Join(" · ", parts);
    }

    private static TimeSpan? Eta(SweepProgress p)
    {
        if (p.Status != SweepStatus.Running || p.EpochsDone == 0) return null;
        var elapsed = DateTimeOffset.UtcNow - p.CreatedAt;
        var remaining = Math.Max(0, p.EpochsPlanned - p.EpochsDone);
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * remaining / p.EpochsDone);
    }
}
