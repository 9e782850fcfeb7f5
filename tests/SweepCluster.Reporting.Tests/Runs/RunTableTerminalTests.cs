// The run table on a terminal: the columns that vary, headers broken at dots and underscores, four significant digits, "—" for
// missing; the columns with one value in every row, and the empty ones, named under the table instead of drawn.
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Reporting.Tests.Runs;

public sealed class RunTableTerminalTests
{
    private static string Render(RunTable table)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        RunTableTerminal.Write(console, table, "s1: trials");
        return writer.ToString();
    }

    [Fact]
    public void Cells_read_as_people_expect()
    {
        Assert.Equal("0.3", RunTableTerminal.Text(0.1 + 0.2));
        Assert.Equal("0.9333", RunTableTerminal.Text(14 / 15.0));
        Assert.Equal("1E-07", RunTableTerminal.Text(1e-7));
        Assert.Equal("12", RunTableTerminal.Text(12L));
        Assert.Equal(ReportText.Missing, RunTableTerminal.Text(null));
        Assert.Equal(ReportText.Missing, RunTableTerminal.Text(double.NaN));
    }

    [Fact]
    public void Headers_break_before_their_dots_and_underscores()
    {
        Assert.Equal("learning\n_rate\n.initial", RunTableTerminal.Header("learning_rate.initial"));
        Assert.Equal("seed", RunTableTerminal.Header("seed"));
    }

    [Fact]
    public void The_table_shows_every_row_and_the_columns_that_vary()
    {
        var output = Render(RunTableSamples.Mixed());

        foreach (var text in new[] { "s1: trials", "trial", "status", "learning", "_rate", ".initial", "model", ".hidden", "best", "_metric" }) Assert.Contains(text, output);
        foreach (var status in new[] { "completed", "pruned", "diverged" }) Assert.Contains(status, output);
        Assert.Contains("[64, 32]", output);
        Assert.DoesNotContain("in every row", output);
    }

    [Fact]
    public void Columns_with_one_value_in_every_row_and_empty_columns_are_named_under_the_table()
    {
        var table = new RunTable(
            [new RunColumn("trial", RunValueType.Integer), new RunColumn("silo", RunValueType.Text), new RunColumn("pbt_donor", RunValueType.Integer)],
            [[0L, "silo-a", null], [1L, "silo-a", null]]);

        var output = Render(table);

        Assert.Contains("in every row: silo=silo-a; empty: pbt_donor", output);
        var lines = output.Split('\n');
        Assert.Single(lines, line => line.Contains("trial", StringComparison.Ordinal) && !line.Contains("s1:", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("silo-a", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("pbt_donor", StringComparison.Ordinal));
    }
}
