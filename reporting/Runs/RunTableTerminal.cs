// A run table on a terminal (Spectre.Console), for people: a sweep has many columns, so the columns whose value is the
// same in every row (a schedule family nobody varied, the one silo) and the empty ones are not drawn but named under
// the table; headers break at their dots and underscores ("learning" over "_rate" over ".initial"); numbers are
// right-aligned with four significant digits and "—" marks a missing value. The exact values are in the CSV and JSON forms.
using System.Globalization;
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Runs;

/// <summary>Writes a <see cref="RunTable"/> as a Spectre.Console table.</summary>
public static class RunTableTerminal
{
    private const string RealFormat = "G4";

    /// <summary>Writes <paramref name="title"/> (when given), the table, and a line naming the columns not drawn.</summary>
    public static void Write(IAnsiConsole console, RunTable table, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        if (title is not null) console.WriteLine(title);
        console.Write(Build(table));
        if (FoldedLine(table) is { Length: > 0 } folded) console.WriteLine(folded);
    }

    /// <summary>The Spectre.Console table of the columns that vary.</summary>
    public static Table Build(RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shown = Shown(table);
        var grid = new Table().Border(TableBorder.Simple);
        foreach (var c in shown)
        {
            var header = new TableColumn(Markup.Escape(Header(table.Columns[c].Name))).Padding(0, 0, 1, 0);
            if (table.Columns[c].Type != RunValueType.Text) header.RightAligned();
            grid.AddColumn(header);
        }
        foreach (var row in table.Rows) grid.AddRow(shown.Select(c => Markup.Escape(Text(row[c]))).ToArray());
        return grid;
    }

    /// <summary>"in every row: status=completed, silo=…; empty: pbt_donor", or "" when every column is drawn.</summary>
    public static string FoldedLine(RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shown = Shown(table);
        var folded = Enumerable.Range(0, table.Columns.Count).Where(c => !shown.Contains(c)).ToArray();
        var same = folded.Where(c => table.Rows[0][c] is not null).Select(c => $"{table.Columns[c].Name}={Text(table.Rows[0][c])}").ToArray();
        var empty = folded.Where(c => table.Rows[0][c] is null).Select(c => table.Columns[c].Name).ToArray();
        var parts = new List<string>();
        if (same.Length > 0) parts.Add("in every row: " + string.Join(", ", same));
        if (empty.Length > 0) parts.Add("empty: " + string.Join(", ", empty));
        return string.Join("; ", parts);
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

    /// <summary>A column name broken before each dot and underscore, so that long names stack instead of widening the table.</summary>
    public static string Header(string name) => name.Replace(".", "\n.", StringComparison.Ordinal).Replace("_", "\n_", StringComparison.Ordinal);

    private static int[] Shown(RunTable table) => Enumerable.Range(0, table.Columns.Count).Where(c => !Folds(table, c)).ToArray();

    /// <summary>Whether column <paramref name="c"/> holds one value (or nothing) in every one of two or more rows.</summary>
    private static bool Folds(RunTable table, int c) =>
        table.Rows.Count > 1 && table.Rows.All(row => Equals(row[c], table.Rows[0][c]));
}
