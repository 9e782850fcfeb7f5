// `sweep compare A B [C…] [--format table|md|json|html] [-o FILE]`: several sweeps side by side — each one's best trial,
// top combination (mean, spread and 95% interval over seeds), which leads and which are statistically tied with it —
// and their top combinations' curves on one plot. It fetches each sweep's report; the comparison is reporting's.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Compare;
using SweepCluster.Reporting.Terminal;

namespace SweepCluster.Cli.Commands;

public static class CompareCommand
{
    /// <summary>The formats `sweep compare` writes.</summary>
    public enum ComparisonFormat { Table, Markdown, Json, Html }

    /// <summary>The names users type for each format.</summary>
    public static readonly IReadOnlyDictionary<string, ComparisonFormat> Formats = new Dictionary<string, ComparisonFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = ComparisonFormat.Table,
        ["md"] = ComparisonFormat.Markdown,
        ["json"] = ComparisonFormat.Json,
        ["html"] = ComparisonFormat.Html,
    };

    /// <summary>More sweeps than this do not fit side by side.</summary>
    public const int MaxSweeps = 8;

    public static Command Create()
    {
        var ids = new Argument<string[]>("IDS")
        {
            Description = $"The sweeps to compare: {SweepComparisonBuilder.MinSweeps} to {MaxSweeps} sweep ids.",
            Arity = new ArgumentArity(SweepComparisonBuilder.MinSweeps, MaxSweeps),
        };
        var format = new Option<string>("--format", "-f") { Description = "table | md | json | html", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of the terminal." };
        var command = new Command("compare", "Compare sweeps side by side: best trial, top combination with its interval, and their curves on one plot.")
        {
            ids, format, output,
        };
        SweepAccess.AddOptions(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, async () =>
        {
            var sweepIds = parse.GetValue(ids)!.Select(SweepCommandBase.RequireValidId).ToArray();
            if (sweepIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new InvalidFlagException($"sweep '{twice.Key}' is named twice: name each sweep to compare once");
            await using var cluster = await SweepAccess.OpenAsync(parse, cancellation);
            var reports = new List<SweepReport>();
            foreach (var sweepId in sweepIds)
            {
                var (coordinator, _) = await SweepCommandBase.FindAsync(cluster, sweepId, cancellation);
                reports.Add((await cluster.Calls.RunAsync($"the report of sweep {sweepId}", coordinator.GetReportAsync, cancellation))!);
            }
            var comparison = SweepComparisonBuilder.Build(reports);
            var chosen = Formats[parse.GetValue(format)!];
            if (parse.GetValue(output) is { } file)
            {
                await using (var writer = new StreamWriter(file.FullName)) Write(comparison, chosen, writer);
                AnsiConsole.MarkupLineInterpolated($"wrote {file.FullName}");
            }
            else
            {
                Write(comparison, chosen, Console.Out);
            }
            return (int)ExitCode.Success;
        }));
        return command;
    }

    private static void Write(SweepComparison comparison, ComparisonFormat format, TextWriter output)
    {
        switch (format)
        {
            case ComparisonFormat.Markdown: ComparisonMarkdown.Write(comparison, output); break;
            case ComparisonFormat.Json: ComparisonJson.Write(comparison, output); break;
            case ComparisonFormat.Html: ComparisonHtml.Write(comparison, output); break;
            default: WriteTable(comparison, output); break;
        }
    }

    /// <summary>The terminal's own console when printing there; plain text at the report file width otherwise.</summary>
    private static void WriteTable(SweepComparison comparison, TextWriter output)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            ComparisonTerminal.Write(AnsiConsole.Console, comparison);
            return;
        }
        var console = PlainConsole.Over(output, TableRenderer.TextWidth);
        ComparisonTerminal.Write(console, comparison);
    }
}
