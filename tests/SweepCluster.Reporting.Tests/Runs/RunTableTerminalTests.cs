// The run table on a terminal: every column name as a header, six significant digits for people, "—" for missing.
using Spectre.Console;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Reporting.Tests.Runs;

public sealed class RunTableTerminalTests
{
    [Fact]
    public void Cells_read_as_people_expect()
    {
        Assert.Equal("0.3", RunTableTerminal.Text(0.1 + 0.2));
        Assert.Equal("1E-07", RunTableTerminal.Text(1e-7));
        Assert.Equal("12", RunTableTerminal.Text(12L));
        Assert.Equal(ReportText.Missing, RunTableTerminal.Text(null));
        Assert.Equal(ReportText.Missing, RunTableTerminal.Text(double.NaN));
    }

    [Fact]
    public void The_table_shows_every_column_and_row()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;

        RunTableTerminal.Write(console, RunTableSamples.Mixed(), "s1: trials");

        var output = writer.ToString();
        foreach (var name in new[] { "trial", "status", "learning_rate.initial", "model.hidden", "best_metric", "s1: trials" }) Assert.Contains(name, output);
        foreach (var status in new[] { "completed", "pruned", "diverged" }) Assert.Contains(status, output);
        Assert.Contains("[64, 32]", output);
    }
}
