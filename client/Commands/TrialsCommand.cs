// `sweep trials ID [--format table|csv|json] [--history] [--store ...]`: a sweep's run table, read straight from the
// study store — no silo needed; a SQLite file is read while a silo writes it, and is never created or changed. One row
// per trial (or, with --history, per trial and epoch); csv and json go to standard output for pandas.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting.Storage;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Cli.Commands;

public static class TrialsCommand
{
    /// <summary>The names users type for each format.</summary>
    public static readonly IReadOnlyDictionary<string, RunTableFormat> Formats = new Dictionary<string, RunTableFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = RunTableFormat.Table,
        ["csv"] = RunTableFormat.Csv,
        ["json"] = RunTableFormat.Json,
    };

    public static Command Create()
    {
        var id = SweepCommandBase.IdArgument();
        var format = new Option<string>("--format", "-f") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. Formats.Keys]);
        var history = new Option<bool>("--history") { Description = "One row per trial and epoch (step, losses, metrics, applied learning rate, weight decay, batch size)." };
        var command = new Command("trials", "Print a sweep's trials (or their epochs) from the store: one row per trial with its hyperparameters and results.")
        {
            id, format, history,
        };
        StoreOptions.AddTo(command);
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, () => RunAsync(AnsiConsole.Console, Console.Out,
            parse.GetValue(id)!, Formats[parse.GetValue(format)!], parse.GetValue(history), StoreOptions.From(parse), cancellation)));
        return command;
    }

    /// <param name="console">Where the table format goes.</param>
    /// <param name="output">Where csv and json go (standard output).</param>
    /// <exception cref="UnknownSweepException">A malformed id, or no such sweep in the store.</exception>
    public static async Task<int> RunAsync(IAnsiConsole console, TextWriter output, string id, RunTableFormat format, bool history,
        StoreChoice store, CancellationToken cancellation)
    {
        var sweepId = SweepCommandBase.RequireValidId(id);
        await using var study = await store.OpenForReadingAsync(cancellation);
        if (await study.GetSweepAsync(sweepId, cancellation) is null)
            throw new UnknownSweepException($"no sweep with id '{sweepId}' in {study.Name}: check the id, or name the store that holds it (--store)");
        var tables = await StudyRunTables.ReadAsync(study, sweepId, cancellation);
        var table = history ? tables.History : tables.Trials;
        switch (format)
        {
            case RunTableFormat.Table:
                RunTableTerminal.Write(console, table, history ? $"{sweepId}: epochs of every trial" : $"{sweepId}: trials");
                break;
            case RunTableFormat.Csv:
                RunTableCsv.Write(output, table);
                break;
            case RunTableFormat.Json:
                await output.WriteAsync(RunTableJson.Render(table));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
        await output.FlushAsync(cancellation);
        return (int)ExitCode.Success;
    }
}
