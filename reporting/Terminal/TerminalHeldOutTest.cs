// The terminal form of the report's held-out test section: one table titled as the section, and the note on how it
// was measured under it. Nothing at all when the sweep has no test split.
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Terminal;

internal static class TerminalHeldOutTest
{
    private static readonly Style NoteStyle = new(decoration: Decoration.Dim);

    public static void Write(IAnsiConsole console, IReadOnlyList<HeldOutTestRow>? rows)
    {
        if (rows is null) return;
        var table = new Table().Title(HeldOutTestText.Title).Border(TableBorder.Rounded);
        var headings = HeldOutTestText.Headings(rows);
        for (var i = 0; i < headings.Count; i++)
        {
            var column = new TableColumn(new Text(headings[i]));
            table.AddColumn(HeldOutTestText.IsNumeric(i) ? column.RightAligned() : column);
        }
        var withR2 = HeldOutTestText.HasR2(rows);
        foreach (var row in rows) table.AddRow(HeldOutTestText.Cells(row, withR2).Select(cell => new Text(cell)).ToArray());
        console.Write(table);
        console.Write(new Text(HeldOutTestText.Note + "\n", NoteStyle));
        console.WriteLine();
    }
}
