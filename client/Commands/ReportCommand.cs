// `sweep report ID [--format table|md|csv|json|html] [-o FILE|DIR]`: the ranked report of a sweep, finished or not. An
// existing folder as -o gets every format, with the sweep's trials.csv and history.csv from the cluster's store; the
// HTML format gets the same run tables for its per-trial charts.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core.Reports;
using SweepCluster.Hosting;
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
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var (coordinator, _) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
            var report = (await cluster.Calls.RunAsync($"the report of sweep {sweepId}", coordinator.GetReportAsync, cancellation))!;
            var chosen = Formats[parse.GetValue(format)!];
            if (parse.GetValue(output) is { } folder && Directory.Exists(folder.FullName))
            {
                var catalog = cluster.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
                var runs = await cluster.Calls.RunAsync($"the run tables of sweep {sweepId}", () => catalog.GetRunTablesAsync(sweepId), cancellation);
                ReportOutput.WriteAll(report, folder.FullName, runs);
                var tables = runs is null ? " (no trials.csv, history.csv: the cluster keeps no study tables)" : "; trials.csv, history.csv";
                AnsiConsole.MarkupLineInterpolated($"report written to [bold]{folder.FullName}[/] (txt, md, csv, json, html{tables})");
            }
            else if (parse.GetValue(output) is { } file)
            {
                var runs = await HtmlRunTablesAsync(cluster, sweepId, chosen, cancellation);
                await using (var writer = new StreamWriter(file.FullName)) ReportRenderers.Write(report, chosen, writer, runs);
                AnsiConsole.MarkupLineInterpolated($"wrote {file.FullName}");
            }
            else if (chosen == ReportFormat.Table)
            {
                ReportOutput.Print(AnsiConsole.Console, report);
            }
            else
            {
                ReportRenderers.Write(report, chosen, Console.Out, await HtmlRunTablesAsync(cluster, sweepId, chosen, cancellation));
            }
            return (int)ExitCode.Success;
        }));
        return command;
    }

    /// <summary>The sweep's run tables when the format is HTML (its per-trial charts); null for the other formats, or when
    /// the cluster keeps no study tables.</summary>
    private static async Task<SweepRunTables?> HtmlRunTablesAsync(SweepAccess cluster, string sweepId, ReportFormat format, CancellationToken cancellation)
    {
        if (format != ReportFormat.Html) return null;
        var catalog = cluster.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        return await cluster.Calls.RunAsync($"the run tables of sweep {sweepId}", () => catalog.GetRunTablesAsync(sweepId), cancellation);
    }
}
