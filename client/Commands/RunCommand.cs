// `sweep run SPEC`: the embedded default. Starts a silo in this process, runs the sweep with live progress, prints
// the ranked report and writes it in every format to ./sweeps/<name>-<id>/, with the run tables of the embedded silo's
// store (trials.csv, history.csv). Needs no service.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cli.Commands;

public static class RunCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("SPEC") { Description = "A sweep spec (.yaml, .yml or .json)." };
        var id = new Option<string?>("--id") { Description = "The sweep id (default: a new one from the time)." };
        var slots = new Option<int>("--slots") { Description = "Trials trained at once (default: one per processor)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Where the report folder goes.", DefaultValueFactory = _ => new DirectoryInfo(ResumeHint.DefaultOutput) };
        var allowLarge = new Option<bool>("--allow-large") { Description = "Accept sweeps of more than 100,000 trials." };
        var httpPort = new Option<int>("--http-port") { Description = "Also serve the Orleans dashboard and the live sweep page on 127.0.0.1 at this port (default 0: none)." };
        var command = new Command("run", "Run a sweep on an embedded silo in this process and print the ranked report.")
        {
            spec, id, slots, output, allowLarge, httpPort,
        };
        StoreOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, () => RunAsync(AnsiConsole.Console,
            parse.GetValue(spec)!, parse.GetValue(id), parse.GetValue(slots), parse.GetValue(output)!, parse.GetValue(allowLarge), cancellation,
            parse.GetValue(httpPort), StoreOptions.From(parse))));
        return command;
    }

    /// <param name="httpPort">0: no web host; else the loopback port of the dashboard and the sweep's live page.</param>
    /// <param name="store">The embedded silo's store; null: memory.</param>
    public static async Task<int> RunAsync(IAnsiConsole console, FileInfo specFile, string? id, int slots, DirectoryInfo output, bool allowLarge,
        CancellationToken cancellation, int httpPort = 0, StoreChoice? store = null)
    {
        // The embedded silo's budget of one trial: the same rule with its slots.
        var trialMemory = new SweepSiloOptions { Slots = Math.Max(0, slots) }.EffectiveTrialMemory;
        var read = SweepSpecFile.Read(specFile.FullName, allowLarge, checkData: true, trialMemory);
        var spec = read.Spec;
        var sweepId = id ?? SweepIds.New(DateTimeOffset.UtcNow);
        if (!SweepIds.IsValid(sweepId)) throw new UnknownSweepException($"--id '{sweepId}': {SweepIds.Rule}");

        if (httpPort is < 0 or > ushort.MaxValue) throw new InvalidFlagException($"--http-port must be 0 (no web host) or 1-65535, got {httpPort}");
        await using var cluster = await (store ?? StoreChoice.Memory).StartEmbeddedAsync(slots, cancellation, httpPort);
        console.MarkupLineInterpolated($"sweep [bold]{spec.Name}[/] ({sweepId}): {Plural.Of(spec.TotalTrials, "trial")} on an embedded silo with {Plural.Of(cluster.Slots, "slot")}; {cluster.StoreName}");
        if (httpPort > 0) console.MarkupLineInterpolated($"live page: {SweepPageUrl.For(new Uri($"http://{SweepSiloOptions.DefaultHttpBind}:{httpPort}/"), sweepId)}");
        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        await read.UploadDataAsync(cluster.Grains, cancellation);
        var submitted = await coordinator.SubmitAsync(read.Submission);
        if (submitted.Outcome is SubmitOutcome.Invalid or SubmitOutcome.IdConflict)
            throw new UnknownSweepException(string.Join(Environment.NewLine, submitted.Errors));

        return await SweepCompletion.WatchAndReportAsync(console, cluster.Grains, coordinator, $"{spec.Name}-{sweepId}", output,
            ResumeHint.For(sweepId, store ?? StoreChoice.Memory, output), cancellation);
    }
}
