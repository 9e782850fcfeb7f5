// Prints a sweep report on the terminal and writes it in every format to a folder.
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting;

namespace SweepCluster.Cli.Commands;

public static class ReportOutput
{
    /// <summary>Writes report.{txt,md,csv,json,html} into <paramref name="folder"/> and returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(SweepReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var path = Path.Combine(folder, "report" + ReportRenderers.FileExtension(format));
            File.WriteAllText(path, ReportRenderers.Render(report, format));
            files.Add(path);
        }
        return files;
    }

    public static void Print(IAnsiConsole console, SweepReport report) => SweepCluster.Reporting.Terminal.TableRenderer.Write(console, report);
}
