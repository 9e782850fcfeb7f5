// `sweep resume ID` (a cancelled sweep goes on from its trials' checkpoints) and `sweep extend ID --trials N | --seeds
// S1,S2` (more trials; a finished sweep runs again). Both print the coordinator's one-line answer; a refusal exits 2
// and changes nothing.
using System.CommandLine;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Hosting;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class ChangeCommand
{
    public static Command CreateResume()
    {
        var id = SweepCommandBase.IdArgument();
        var command = new Command("resume", "Let a cancelled sweep go on: its cancelled trials continue from their checkpoints; ended trials are kept.") { id };
        ClusterOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            await using var cluster = await ClusterConnection.ConnectAsync(ClusterOptions.From(parse), cancellation);
            var (coordinator, _) = await SweepCommandBase.FindAsync(cluster.Grains, sweepId);
            return Report(AnsiConsole.Console, await coordinator.ResumeAsync());
        }));
        return command;
    }

    public static Command CreateExtend()
    {
        var id = SweepCommandBase.IdArgument();
        var trials = new Option<string>("--trials") { Description = "Random search: this many more combinations, drawn next by the sweep's seeded searcher (each with every seed)." };
        var seeds = new Option<string>("--seeds") { Description = "Train every combination also with these seeds, e.g. 3,4 (seeds the sweep has are refused)." };
        var command = new Command("extend", "Add trials to a sweep; a finished sweep runs again and its report covers every trial.") { id, trials, seeds };
        ClusterOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            var extension = ExtensionFlags.Parse(parse.GetValue(trials), parse.GetValue(seeds));
            await using var cluster = await ClusterConnection.ConnectAsync(ClusterOptions.From(parse), cancellation);
            var (coordinator, _) = await SweepCommandBase.FindAsync(cluster.Grains, sweepId);
            return Report(AnsiConsole.Console, await coordinator.ExtendAsync(extension));
        }));
        return command;
    }

    /// <summary>Prints the coordinator's answer; returns the exit code (a refusal or an unknown id: 2).</summary>
    public static int Report(IAnsiConsole console, SweepChangeResult result)
    {
        switch (result.Outcome)
        {
            case SweepChangeOutcome.Resumed or SweepChangeOutcome.Extended or SweepChangeOutcome.AlreadyRunning:
                console.WriteLine(result.Message);
                return (int)ExitCode.Success;
            default:
                console.MarkupLineInterpolated($"[red]error:[/] {result.Message}");
                return (int)ExitCode.InvalidInput;
        }
    }
}
