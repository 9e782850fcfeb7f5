// `sweep status ID` (one line of progress) and `sweep watch ID` (follow it live until it ends).
using System.CommandLine;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Abstractions;
using SweepCluster.Hosting;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class StatusCommand
{
    public static Command CreateStatus()
    {
        var id = SweepCommandBase.IdArgument();
        var command = new Command("status", "Print a sweep's progress once, the silo of its coordinator and where its trials run.") { id };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, progress) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            AnsiConsole.MarkupLineInterpolated($"[bold]{progress.SweepId}[/] ({progress.Name}): {SweepWatcher.Describe(progress)}");
            var placement = await cluster.Calls.RunAsync($"the placement of sweep {sweepId}", coordinator.GetPlacementAsync, cancellation);
            foreach (var line in placement is null ? [] : SweepPlacementText.Describe(placement)) AnsiConsole.WriteLine(line);
            return progress.Status is SweepStatus.Running or SweepStatus.Completed ? (int)ExitCode.Success : (int)ExitCode.SweepFailed;
        }));
        return command;
    }

    public static Command CreateWatch()
    {
        var id = SweepCommandBase.IdArgument();
        var open = new Option<bool>("--open") { Description = "Print the URL of the sweep's live page (on a silo's web host, see --http-url) first." };
        var httpUrl = new Option<string>("--http-url")
        {
            Description = "Where a silo's web host is reached (its --http-bind and --http-port, or an SSH tunnel's local end).",
            DefaultValueFactory = _ => SweepPageUrl.DefaultBase.AbsoluteUri,
        };
        var command = new Command("watch", "Follow a sweep's progress live until it ends: done/running/pending/failed, ETA and the best trial so far.") { id, open, httpUrl };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            if (parse.GetValue(open)) AnsiConsole.WriteLine($"live page: {SweepPageUrl.For(SweepPageUrl.Parse(parse.GetValue(httpUrl)!), sweepId)}");
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, _) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            SweepProgress progress;
            try
            {
                progress = await SweepWatcher.WatchAsync(AnsiConsole.Console, coordinator, cluster.Calls, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return WatchEnding.Detached(AnsiConsole.Console, sweepId, inCluster: cluster.Kind == SweepAccessKind.Cluster);
            }
            WatchEnding.PointToReport(AnsiConsole.Console, sweepId);
            return progress.Status == SweepStatus.Completed ? (int)ExitCode.Success : (int)ExitCode.SweepFailed;
        }));
        return command;
    }
}
