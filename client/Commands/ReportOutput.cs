// Prints a sweep report on the terminal and writes it in every format to a folder, with the sweep's run tables
// (trials.csv, history.csv) beside it when the store's rows are at hand. Every file is written as it is rendered,
// never held whole as a string.
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Cli.Commands;

public static class ReportOutput
{
    /// <summary>Writes report.{txt,md,csv,json,html} into <paramref name="folder"/>, and trials.csv and history.csv when
    /// <paramref name="runs"/> is given (report.html then has its per-trial charts), and returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(SweepReport report, string folder, SweepRunTables? runs = null)
    {
        Directory.CreateDirectory(folder);
        var files = Enum.GetValues<ReportFormat>()
            .Select(format => (Name: "report" + ReportRenderers.FileExtension(format), Write: (Action<TextWriter>)(file => ReportRenderers.Write(report, format, file, runs))))
            .ToList();
        if (runs is not null)
        {
            foreach (var (name, table) in new[] { (SweepRunTables.TrialsFile, runs.Trials), (SweepRunTables.HistoryFile, runs.History) })
                files.Add((name, file => RunTableCsv.Write(file, table)));
        }
        // Each file is rendered from the same immutable report on its own: they are written side by side.
        Parallel.ForEach(files, f =>
        {
            using var file = new StreamWriter(Path.Combine(folder, f.Name));
            f.Write(file);
        });
        return files.Select(f => Path.Combine(folder, f.Name)).ToArray();
    }

    public static void Print(IAnsiConsole console, SweepReport report)
    {
        // Not a terminal (a pipe, a log): no width to fit, so no line is wrapped at a guessed 80 columns.
        if (console.Profile.Out.IsTerminal) SweepCluster.Reporting.Terminal.TableRenderer.Write(console, report);
        else SweepCluster.Reporting.Terminal.TableRenderer.WriteUnwrapped(report, console.Profile.Out.Writer);
    }
}
