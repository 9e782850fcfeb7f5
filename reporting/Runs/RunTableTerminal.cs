// A run table on a terminal (Spectre.Console): the column names as headers, numbers right-aligned with up to six
// significant digits, "—" where a value is missing. For people; the exact values are in the CSV and JSON forms.
using System.Globalization;
using Spectre.Console;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Runs;

/// <summary>Writes a <see cref="RunTable"/> as a Spectre.Console table.</summary>
public static class RunTableTerminal
{
    private const string RealFormat = "G6";

    /// <summary>Writes the table to <paramref name="console"/>, under <paramref name="title"/> when given.</summary>
    public static void Write(IAnsiConsole console, RunTable table, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Build(table, title));
    }

    /// <summary>The Spectre.Console table.</summary>
    public static Table Build(RunTable table, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var grid = new Table();
        if (title is not null) grid.Title(Markup.Escape(title));
        foreach (var column in table.Columns)
        {
            var header = new TableColumn(Markup.Escape(column.Name));
            if (column.Type != RunValueType.Text) header.RightAligned();
            grid.AddColumn(header);
        }
        foreach (var row in table.Rows) grid.AddRow(row.Select(cell => Markup.Escape(Text(cell))).ToArray());
        return grid;
    }

    /// <summary>One cell as people read it.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => ReportText.Missing,
        string text => text,
        long integer => ReportText.Integer(integer),
        double real when double.IsNaN(real) => ReportText.Missing,
        double real => real.ToString(RealFormat, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a run-table cell is a string, long or double, not {cell.GetType().Name}", nameof(cell)),
    };
}
