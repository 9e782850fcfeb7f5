// `sweep submit SPEC [--id ID] [--wait]`: hands a sweep to a running cluster and prints its id; its data files go
// with it (stored in the cluster once per content). Idempotent: the same spec and data with the same --id returns the
// existing sweep.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Commands;

public static class SubmitCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("SPEC") { Description = "A sweep spec (.yaml, .yml or .json)." };
        var id = new Option<string?>("--id") { Description = "The sweep id (default: a new one from the time). Re-submitting the same spec with the same id returns the existing sweep." };
        var wait = new Option<bool>("--wait") { Description = "Follow the sweep's progress and print the report when it ends." };
        var allowLarge = new Option<bool>("--allow-large") { Description = "Accept sweeps of more than 100,000 trials." };
        var command = new Command("submit", "Submit a sweep to a running cluster.") { spec, id, wait, allowLarge };
        ClusterOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var read = SweepSpecFile.Read(parse.GetValue(spec)!.FullName, parse.GetValue(allowLarge), checkData: false);
            var submission = read.Submission;
            var sweepId = parse.GetValue(id) ?? SweepIds.New(DateTimeOffset.UtcNow);
            if (!SweepIds.IsValid(sweepId)) throw new UnknownSweepException($"--id '{sweepId}': {SweepIds.Rule}");
            var timeouts = TimeoutOptions.From(parse);
            await using var cluster = await ClusterConnection.ConnectAsync(ClusterOptions.From(parse), timeouts, cancellation);
            // The data files first, once per content: the submission names them by hash.
            await cluster.Calls.RunAsync($"the upload of the data of sweep {sweepId}", () => read.UploadDataAsync(cluster.Grains, cancellation), cancellation);
            var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
            // Safe to repeat: the same spec under the same id answers AlreadyExists (a retry after a lost answer does too).
            var result = await cluster.Calls.RunAsync($"the submission of sweep {sweepId}", () => coordinator.SubmitAsync(submission), cancellation);
            // Standard output carries the id alone (`ID=$(sweep submit SPEC)`); everything else goes to standard error.
            var messages = StandardError.Console;
            switch (result.Outcome)
            {
                case SubmitOutcome.Invalid:
                case SubmitOutcome.IdConflict:
                    throw new UnknownSweepException(string.Join(Environment.NewLine, result.Errors));
                case SubmitOutcome.AlreadyExists:
                    messages.MarkupLineInterpolated($"sweep [bold]{result.SweepId}[/] already exists with this spec ({Plural.Of(result.TotalTrials, "trial")})");
                    break;
                default:
                    messages.MarkupLineInterpolated($"submitted sweep [bold]{result.SweepId}[/] ({result.Name}, {Plural.Of(result.TotalTrials, "trial")})");
                    break;
            }
            Console.Out.WriteLine(result.SweepId);
            if (!parse.GetValue(wait)) return (int)ExitCode.Success;
            SweepProgress progress;
            try
            {
                progress = await SweepWatcher.WatchAsync(messages, coordinator, cluster.Calls, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return WatchEnding.Detached(messages, sweepId);
            }
            ReportOutput.Print(AnsiConsole.Console, (await cluster.Calls.RunAsync($"the report of sweep {sweepId}", coordinator.GetReportAsync, cancellation))!);
            WatchEnding.PointToReport(messages, sweepId);
            return progress.Status == SweepStatus.Completed ? (int)ExitCode.Success : (int)ExitCode.SweepFailed;
        }));
        return command;
    }
}
