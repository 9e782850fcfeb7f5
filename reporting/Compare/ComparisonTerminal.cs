// The terminal form of a comparison (`sweep compare`, the default): a table with one column per sweep (the leader in
// green), the verdict, and the curves of the sweeps' top combinations on one character plot with a coloured glyph
// per sweep. Written to a Spectre.Console IAnsiConsole; plain text when the console has no colour.
using System.Text;
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Compare;

/// <summary>Writes a <see cref="SweepComparison"/> to a console.</summary>
public static class ComparisonTerminal
{
    /// <summary>Rows of the plot.</summary>
    public const int PlotRows = 12;

    /// <summary>Columns of the plot at most (narrower consoles get fewer).</summary>
    public const int MaxPlotColumns = 72;

    /// <summary>The fewest plot columns worth drawing.</summary>
    private const int MinPlotColumns = 16;

    /// <summary>Room left of the plot for the y-axis labels ("0.9620 ┤").</summary>
    private const int YLabelWidth = 9;

    private static readonly char[] Glyphs = ['●', '■', '▲', '◆', '★', '✚', '○', '□'];
    private static readonly Color[] Colors = [Color.Blue, Color.Orange1, Color.Green, Color.Red, Color.Purple, Color.Teal, Color.Olive, Color.Fuchsia];
    private static readonly Style LeaderStyle = new(Color.Green, decoration: Decoration.Bold);

    public static void Write(IAnsiConsole console, SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(comparison);
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn(""));
        foreach (var sweep in comparison.Sweeps)
        {
            var heading = new Text(sweep.Header.SweepId, sweep.VersusLeader == VersusTop.Top ? LeaderStyle : Style.Plain);
            table.AddColumn(new TableColumn(heading));
        }
        foreach (var row in ComparisonRows.Of(comparison))
            table.AddRow([new Text(row.Label, new Style(decoration: Decoration.Bold)), .. row.Cells.Select(c => new Text(c))]);
        console.Write(table);
        console.WriteLine(ComparisonRows.Verdict(comparison));
        WriteCurves(console, comparison);
    }

    private static void WriteCurves(IAnsiConsole console, SweepComparison comparison)
    {
        if (comparison.SharedMetric is not { } metric) return;
        var curves = ComparisonCurves.Of(comparison);
        var series = comparison.Sweeps.Select((s, i) => new PlotSeries(s.Header.SweepId, Glyph(i), curves[i])).ToArray();
        var columns = Math.Min(MaxPlotColumns, console.Profile.Width - YLabelWidth - 1);
        if (columns < MinPlotColumns || TextCurvePlot.Lay(series, columns, PlotRows) is not { } grid) return;

        console.WriteLine();
        console.WriteLine($"{ReportText.Name(metric.Name)} per epoch of each sweep's top combination's best seed:");
        for (var row = 0; row < PlotRows; row++)
        {
            var label = row == 0 ? ReportText.Metric(grid.YHigh) : row == PlotRows - 1 ? ReportText.Metric(grid.YLow) : "";
            var line = new StringBuilder(Markup.Escape($"{label,YLabelWidth - 2} ┤"));
            foreach (var cell in grid.Cells[row])
                line.Append(cell == TextCurvePlot.Empty ? " " : $"[{Colors[cell % Colors.Length].ToMarkup()}]{Markup.Escape(Glyph(cell).ToString())}[/]");
            console.MarkupLine(line.ToString());
        }
        var first = ReportText.Number(grid.XLow);
        var last = ReportText.Number(grid.XHigh);
        console.WriteLine($"{new string(' ', YLabelWidth - 1)}└{new string('─', columns)}");
        console.WriteLine($"{new string(' ', YLabelWidth)}epoch {first}{new string(' ', Math.Max(1, columns - first.Length - last.Length - "epoch ".Length))}{last}");
        console.MarkupLine(string.Join("   ", series.Select((s, i) => $"[{Colors[i % Colors.Length].ToMarkup()}]{Markup.Escape(s.Glyph.ToString())}[/] {Markup.Escape(s.Label)}")));
    }

    private static char Glyph(int index) => Glyphs[index % Glyphs.Length];
}
