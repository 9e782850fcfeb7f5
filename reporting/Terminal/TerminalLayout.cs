// Which columns of a report table a console of a given width shows, and whether it stacks the combination's axes into
// one cell: the terminal's reading of the columns' declared priorities. It writes nothing.
using SweepCluster.Reporting.Document;

namespace SweepCluster.Reporting.Terminal;

/// <summary>The terminal's column choice by console width.</summary>
public static class TerminalLayout
{
    /// <summary>Narrower consoles drop <see cref="ColumnPriority.Detail"/> columns and stack the axes into one cell.</summary>
    public const int DetailMinWidth = 140;

    /// <summary>Narrower consoles also drop <see cref="ColumnPriority.Secondary"/> columns (the legend still explains them).</summary>
    public const int SecondaryMinWidth = 96;

    /// <summary>The heading of the cell the axes are stacked into.</summary>
    public const string StackedAxesHeading = "combination";

    /// <summary>Whether a console <paramref name="width"/> columns wide shows columns of <paramref name="priority"/>.</summary>
    public static bool Shows(ColumnPriority priority, int width) => priority switch
    {
        ColumnPriority.Essential => true,
        ColumnPriority.Secondary => width >= SecondaryMinWidth,
        ColumnPriority.Detail => width >= DetailMinWidth,
        _ => false,
    };

    /// <summary>Whether the terminal shows <paramref name="table"/>: not a detail table (a whole history), whatever its width,
    /// since a console is short of lines; the section's facts stand for it.</summary>
    public static bool ShowsTable(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Priority is ColumnPriority.Essential or ColumnPriority.Secondary;
    }

    /// <summary>Whether a console <paramref name="width"/> columns wide stacks the axis columns into one cell.</summary>
    public static bool StacksAxes(int width) => !Shows(ColumnPriority.Detail, width);

    /// <summary>The headings a console <paramref name="width"/> columns wide shows for <paramref name="table"/>, in order.</summary>
    public static IReadOnlyList<string> Headings(ReportTable table, int width) =>
        Columns(table, width).Select(c => c.Heading).ToArray();

    /// <summary>The columns shown, each with its heading and how a row's cell text is read.</summary>
    internal static IReadOnlyList<ShownColumn> Columns(ReportTable table, int width)
    {
        ArgumentNullException.ThrowIfNull(table);
        var shown = new List<ShownColumn>();
        var stack = StacksAxes(width);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (!Shows(column.Priority, width)) continue;
            if (stack && column.Role != ColumnRole.Data)
            {
                if (shown.All(s => !s.IsStack)) shown.Add(new ShownColumn(StackedAxesHeading, new ReportColumn(StackedAxesHeading), Stacked(table), IsStack: true));
                continue;
            }
            var index = i;
            shown.Add(new ShownColumn(column.ShortHeading ?? column.Heading, column, row => row.Cells[index].Text, IsStack: false));
        }
        return shown;
    }

    // "path value" per axis, then the row's note when it has one, one per line.
    private static Func<ReportRow, string> Stacked(ReportTable table) => row => string.Join("\n", table.Columns
        .Select((column, i) => (column, text: row.Cells[i].Text))
        .Where(c => c.column.Role == ColumnRole.Axis || (c.column.Role == ColumnRole.RowNote && c.text.Length > 0))
        .Select(c => c.column.Role == ColumnRole.Axis ? $"{c.column.Heading} {c.text}" : c.text));
}

/// <summary>A column the terminal shows: its heading, the model column it lays out, and its cell text per row.</summary>
internal sealed record ShownColumn(string Heading, ReportColumn Column, Func<ReportRow, string> TextOf, bool IsStack);
