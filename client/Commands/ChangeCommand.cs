// `sweep resume ID` (a cancelled sweep goes on from its trials' checkpoints) and `sweep extend ID --trials N | --seeds
// S1,S2` (more trials; a finished sweep runs again). Both print the coordinator's one-line answer; a refusal exits 2
// and changes nothing. Both calls are retried through a failover: a repeated resume finds the sweep running, a
// repeated extend carries its request id and adds nothing more. A sweep trains on the copy of its data stored when it
// was submitted: a data file that changed or moved since is named in a note, and changes nothing. With no silo running
// (after `sweep run` ended or was killed), both open the store with a silo of their own and train in this process until
// the sweep ends, then print and write its report as `sweep run` does.
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
        var command = new Command("resume", "Let a cancelled or interrupted sweep go on: its unfinished trials continue from their checkpoints; ended trials are kept.") { id, Output };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, progress) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            var result = await cluster.Calls.RunAsync($"resuming sweep {sweepId}", coordinator.ResumeAsync, cancellation);
            return await FollowAsync(AnsiConsole.Console, cluster, coordinator, progress, result, parse.GetValue(Output)!, StoreOptions.From(parse), cancellation);
        }));
        return command;
    }

    public static Command CreateExtend()
    {
        var id = SweepCommandBase.IdArgument();
        var trials = new Option<string>("--trials") { Description = "Random search: this many more combinations, drawn next by the sweep's seeded searcher (each with every seed)." };
        var seeds = new Option<string>("--seeds") { Description = "Train every combination also with these seeds, e.g. 3,4 (seeds the sweep has are refused)." };
        var command = new Command("extend", "Add trials to a sweep; a finished sweep runs again and its report covers every trial.") { id, trials, seeds, Output };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            var extension = ExtensionFlags.Parse(parse.GetValue(trials), parse.GetValue(seeds));
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, progress) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            var result = await cluster.Calls.RunAsync($"extending sweep {sweepId}", () => coordinator.ExtendAsync(extension), cancellation);
            return await FollowAsync(AnsiConsole.Console, cluster, coordinator, progress, result, parse.GetValue(Output)!, StoreOptions.From(parse), cancellation);
        }));
        return command;
    }

    /// <summary>Where the report folder goes when the sweep trains in this process.</summary>
    private static readonly Option<DirectoryInfo> Output = new("--output", "-o")
    {
        Description = "With no silo running: where the report folder goes once the sweep ends here.",
        DefaultValueFactory = _ => new DirectoryInfo(ResumeHint.DefaultOutput),
    };

    /// <summary>Prints the answer; a sweep that now trains in this process is followed to its end and reported.</summary>
    private static async Task<int> FollowAsync(IAnsiConsole console, SweepAccess access, ISweepCoordinatorGrain coordinator, SweepProgress before,
        SweepChangeResult result, DirectoryInfo output, StoreChoice store, CancellationToken cancellation)
    {
        var exit = Report(console, result);
        if (result.Outcome is SweepChangeOutcome.Resumed or SweepChangeOutcome.Extended or SweepChangeOutcome.AlreadyRunning)
        {
            foreach (var note in DataFileNotes.For(before.SweepId,
                         await access.Calls.RunAsync($"the data files of sweep {before.SweepId}", coordinator.GetDataFilesAsync, cancellation),
                         DataFileNotes.Sha256OnThisMachine))
                console.WriteLine(note);
        }
        if (exit != (int)ExitCode.Success || access.Kind != SweepAccessKind.EmbeddedStore) return exit;
        console.MarkupLineInterpolated($"training here, on a silo over the {access.StoreName}: Ctrl+C stops it (resumable)");
        return await SweepCompletion.WatchAndReportAsync(console, access.Grains, coordinator, $"{before.Name}-{before.SweepId}", output,
            ResumeHint.For(before.SweepId, store, output), cancellation);
    }

    /// <summary>Prints the coordinator's answer; returns the exit code (a refusal or an unknown id: 2).</summary>
    public static int Report(IAnsiConsole console, SweepChangeResult result)
    {
        switch (result.Outcome)
        {
            case SweepChangeOutcome.Resumed or SweepChangeOutcome.Extended or SweepChangeOutcome.AlreadyRunning or SweepChangeOutcome.Deleted:
                console.WriteLine(result.Message);
                return (int)ExitCode.Success;
            default:
                console.MarkupLineInterpolated($"[red]error:[/] {result.Message}");
                return (int)ExitCode.InvalidInput;
        }
    }
}
