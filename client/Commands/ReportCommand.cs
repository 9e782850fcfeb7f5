// `sweep report ID [--format table|md|csv|json|html] [-o FILE|DIR]`: the ranked report of a sweep, finished or not. An
// existing folder as -o gets every format, with the sweep's trials.csv and history.csv from the cluster's store; the
// HTML format gets the same run tables for its per-trial charts. With no silo running, the report is read from the
// store itself (no silo is started); with one, it is asked of the sweep's coordinator.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core.Reports;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Commands;

public static class ReportCommand
{
    /// <summary>The names users type for each format.</summary>
    public static readonly IReadOnlyDictionary<string, ReportFormat> Formats = new Dictionary<string, ReportFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = ReportFormat.Table,
        ["md"] = ReportFormat.Markdown,
        ["csv"] = ReportFormat.Csv,
        ["json"] = ReportFormat.Json,
        ["html"] = ReportFormat.Html,
    };

    public static Command Create()
    {
        var id = SweepCommandBase.IdArgument();
        var format = new Option<string>("--format", "-f") { Description = "table | md | csv | json | html", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write to this file instead of the terminal; an existing folder gets every format, trials.csv and history.csv.",
        };
        var command = new Command("report", "Print or write a sweep's ranked report.") { id, format, output };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepId = SweepCommandBase.RequireValidId(parse.GetValue(id)!);
            var chosen = Formats[parse.GetValue(format)!];
            var target = parse.GetValue(output);
            var toFolder = target is not null && Directory.Exists(target.FullName);
            var (report, runs) = await ReadAsync(parse, sweepId, toFolder || chosen == ReportFormat.Html, cancellation);
            if (toFolder)
            {
                ReportOutput.WriteAll(report, target!.FullName, runs);
                var tables = runs is null ? " (no trials.csv, history.csv: the cluster keeps no study tables)" : "; trials.csv, history.csv";
                AnsiConsole.MarkupLineInterpolated($"report written to [bold]{target.FullName}[/] (txt, md, csv, json, html{tables})");
            }
            else if (target is not null)
            {
                await using (var writer = new StreamWriter(target.FullName)) ReportRenderers.Write(report, chosen, writer, runs);
                AnsiConsole.MarkupLineInterpolated($"wrote {target.FullName}");
            }
            else if (chosen == ReportFormat.Table)
            {
                ReportOutput.Print(AnsiConsole.Console, report);
            }
            else
            {
                ReportRenderers.Write(report, chosen, Console.Out, runs);
            }
            return (int)ExitCode.Success;
        }));
        return command;
    }

    /// <summary>The report, and the run tables when <paramref name="withRuns"/> (null when the cluster keeps no study
    /// tables): read from the store with no silo when the command would otherwise start one on it (StoredSweepReport),
    /// else asked of the sweep's coordinator and the catalog.</summary>
    private static async Task<(SweepReport Report, SweepRunTables? Runs)> ReadAsync(ParseResult parse, string sweepId, bool withRuns,
        CancellationToken cancellation)
    {
        if (await SweepAccess.StoreToReadAsync(parse, cancellation) is { } store)
        {
            await using var study = await store.OpenForReadingAsync(cancellation);
            if (await study.GetSweepAsync(sweepId, cancellation) is null)
                throw new UnknownSweepException($"no sweep with id '{sweepId}' in {study.Name}: check the id, or name the store that holds it (--store)");
            // The run tables are read while the report is built: the two take seconds each at 100,000 trials.
            var runs = withRuns ? Task.Run(() => StudyRunTables.ReadAsync(study, sweepId, cancellation), cancellation) : null;
            if (await StoredSweepReport.BuildAsync(study, StoreSerializer.Shared, sweepId, cancellation) is { } stored)
                return (stored, runs is null ? null : await runs);
            if (runs is not null) await runs;
        }
        await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
        var (coordinator, _) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
        var report = (await cluster.Calls.RunAsync($"the report of sweep {sweepId}", coordinator.GetReportAsync, cancellation))!;
        if (!withRuns) return (report, null);
        var catalog = cluster.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        return (report, await cluster.Calls.RunAsync($"the run tables of sweep {sweepId}", () => catalog.GetRunTablesAsync(sweepId), cancellation));
    }
}
