// The report printed by `sweep run` and `sweep report`: to something that is not a terminal (a pipe, a log) no line is
// wrapped, whatever width the console guessed.
using Spectre.Console;
using SweepCluster.Cli.Commands;
using SweepCluster.Core;
using SweepCluster.Reporting;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests;

public sealed class ReportPrintTests
{
    private const int GuessedWidth = 80;

    [Fact]
    public void AReportPrintedToAPipeIsNotWrappedAt80Columns()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = GuessedWidth;

        ReportOutput.Print(console, report);

        var lines = writer.ToString().Split('\n');
        foreach (var sentence in ReportWords.StatisticsLegend(report.Header.Metric)) Assert.Contains(sentence, lines);
        Assert.Contains(lines, line => line.Length > GuessedWidth); // the full ranking, as wide as it needs
    }
}
