// `sweep replay ID TRIAL [-o FILE]`: writes a trial spec that replays what trial TRIAL of sweep ID actually applied —
// every step's learning rate, weight decay and batch size, plateau, adaptive and PBT changes included — as explicit
// `schedule: recorded` schedules. `sweep train FILE` then reproduces the trial bit for bit (up to its last checkpoint:
// the end of a completed trial, or the epoch a pruned trial stopped at). A trial that trained on a data file gets the
// sweep's stored copy of it beside the spec (FILE without extension + ".data.csv"), which the spec names.
using System.CommandLine;
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class ReplayCommand
{
    public static Command Create()
    {
        var id = SweepCommandBase.IdArgument();
        var trial = new Argument<int>("TRIAL") { Description = "The trial index (as in the report)." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the spec to this file (default: replay-<ID>-<TRIAL>.yaml)." };
        var command = new Command("replay", "Write a trial spec that replays the schedule a trial actually applied (`sweep train` reproduces it).")
        {
            id, trial, output,
        };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            var index = parse.GetValue(trial);
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, progress) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            if (index < 0 || index >= progress.TotalTrials)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] sweep {sweepId} has trials 0 to {progress.TotalTrials - 1}; there is no trial {index}");
                return (int)ExitCode.InvalidInput;
            }
            if (await cluster.Calls.RunAsync($"the replay of trial {index} of sweep {sweepId}", () => coordinator.GetReplayAsync(index), cancellation) is not { } yaml)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] trial {index} of {sweepId} has no checkpoint yet: nothing to replay");
                return (int)ExitCode.SweepFailed;
            }
            var file = parse.GetValue(output) ?? new FileInfo($"replay-{sweepId}-{index}.yaml");
            if (ReplayData.UsedBy(yaml, await coordinator.GetDataFilesAsync()) is { } data)
            {
                yaml = await ReplayData.WriteBesideAsync(cluster.Grains, yaml, data, file, cancellation);
                AnsiConsole.MarkupLineInterpolated($"wrote {Path.Combine(file.DirectoryName!, ReplayData.DataFileFor(file))} (the sweep's copy of {data.Dataset})");
            }
            await File.WriteAllTextAsync(file.FullName, $"# replay of trial {index} of sweep {sweepId}: sweep train {file.Name}\n{yaml}", cancellation);
            AnsiConsole.MarkupLineInterpolated($"wrote {file.FullName}");
            return (int)ExitCode.Success;
        }));
        return command;
    }
}
