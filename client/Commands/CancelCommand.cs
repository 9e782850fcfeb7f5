// `sweep cancel ID` and `sweep list`.
using System.CommandLine;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class CancelCommand
{
    public static Command CreateCancel()
    {
        var id = SweepCommandBase.IdArgument();
        var command = new Command("cancel", "Cancel every unfinished trial of a sweep.") { id };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, progress) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            await cluster.Calls.RunAsync($"cancelling sweep {sweepId}", coordinator.CancelAsync, cancellation); // cancelling twice is harmless
            AnsiConsole.MarkupLineInterpolated($"cancelled sweep [bold]{progress.SweepId}[/] ({progress.Name})");
            return (int)ExitCode.Success;
        }));
        return command;
    }

    public static Command CreateList()
    {
        var command = new Command("list", "List the cluster's sweeps, newest first, with their progress and best result (from the cluster's store).");
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var catalog = cluster.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
            var sweeps = await cluster.Calls.RunAsync("the list of sweeps", catalog.ListAsync, cancellation);
            var table = new Table().AddColumns([.. SweepListRows.Columns]);
            foreach (var row in SweepListRows.Of(sweeps)) table.AddRow(row.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
            return (int)ExitCode.Success;
        }));
        return command;
    }
}
