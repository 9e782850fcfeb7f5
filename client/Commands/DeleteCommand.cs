// `sweep delete ID`: removes an ended or cancelled sweep for good: its trials' state and checkpoints, its own state
// and its rows in the study tables. A running sweep is refused (cancel it first) and nothing is deleted. The call is
// retried through a failover (RepeatedDeletion reads a repeated call's answer).
using System.CommandLine;
using SweepCluster.Cli.Cluster;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class DeleteCommand
{
    public static Command Create()
    {
        var id = SweepCommandBase.IdArgument();
        var command = new Command("delete", "Delete an ended or cancelled sweep: its trials, checkpoints and rows in the store (a running one is refused).") { id };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, _) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            var attempts = 0;
            var result = await cluster.Calls.RunAsync($"deleting sweep {sweepId}", () =>
            {
                attempts++;
                return coordinator.DeleteAsync();
            }, cancellation);
            return ChangeCommand.Report(AnsiConsole.Console, RepeatedDeletion.Answer(sweepId, result, attempts));
        }));
        return command;
    }
}
