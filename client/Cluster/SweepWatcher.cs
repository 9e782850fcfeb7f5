// Follows a sweep by polling its coordinator: a live progress line on a terminal (bar, done/running/pending/failed/
// cancelled, ETA, the best trial so far, elapsed time), laid out by ProgressLayout to the terminal's width at every
// poll, or one unwrapped line per change when the output is redirected. Never holds a call open.
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

        await console.Live(Line(console, progress))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Crop)
            .StartAsync(async context =>
            {
                while (true)
                {
                    context.UpdateTarget(Line(console, progress));
                    context.Refresh();
                    if (progress.IsOver) break;
                    await Task.Delay(PollInterval, cancellation);
                    progress = await PollAsync(coordinator, calls, cancellation) ?? progress;
                }
            });
        return progress;
    }

    /// <summary>The progress line laid out to the console's current width (a resized terminal gets a new layout).</summary>
    private static Markup Line(IAnsiConsole console, SweepProgress progress)
    {
        var now = DateTimeOffset.UtcNow;
        var view = ProgressLayout.Lay(progress, Eta(progress), (progress.FinishedAt ?? now) - progress.CreatedAt, console.Profile.Width);
        return new Markup(ProgressMarkup.Of(view)) { Overflow = Overflow.Ellipsis };
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
                console.Profile.Out.Writer.WriteLine(line); // as is: a log line is never wrapped at a guessed width
                (lastLine, lastPrinted) = (line, DateTimeOffset.UtcNow);
            }
            if (done) return progress;
            await Task.Delay(PollInterval, cancellation);
            progress = await PollAsync(coordinator, calls, cancellation) ?? progress;
        }
    }

    private static Task<SweepProgress?> PollAsync(ISweepCoordinatorGrain coordinator, CallRetry calls, CancellationToken cancellation) =>
        calls.RunAsync($"the progress of sweep {coordinator.GetPrimaryKeyString()}", coordinator.GetProgressAsync, cancellation);


    /// <summary>The whole progress line (<see cref="ProgressLine.Parts"/>), e.g. "12/48 done · 2 running · 34 pending · 0 failed ·
    /// ETA 0:41 · best trial val_accuracy 0.9721".</summary>
    public static string Describe(SweepProgress p) => ProgressLine.Join(ProgressLine.Parts(p, Eta(p)));

    private static TimeSpan? Eta(SweepProgress p)
    {
        if (p.Status != SweepStatus.Running || p.EpochsDone == 0) return null;
        var elapsed = DateTimeOffset.UtcNow - p.CreatedAt;
        var remaining = Math.Max(0, p.EpochsPlanned - p.EpochsDone);
        return TimeSpan.FromSeconds(elapsed.TotalSeconds * remaining / p.EpochsDone);
    }
}
