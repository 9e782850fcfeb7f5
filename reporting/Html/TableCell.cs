// One cell of a report table as plain text and how it is shown (text, code, number, error); the DataTable component
// escapes it. No HTML here.
namespace SweepCluster.Reporting.Html;

/// <summary>How a table cell's text is shown.</summary>
public enum CellKind
{
    /// <summary>Plain text, left-aligned.</summary>
    Text,

    /// <summary>Monospace (values from the spec).</summary>
    Code,

    /// <summary>Right-aligned tabular figures.</summary>
    Number,

    /// <summary>An error message, in red.</summary>
    Error,
}

/// <summary>A cell: its text (never HTML) and kind.</summary>
public sealed record TableCell(string Text, CellKind Kind = CellKind.Text)
{
    public static TableCell Code(string text) => new(text, CellKind.Code);

    public static TableCell Number(string text) => new(text, CellKind.Number);
}

/// <summary>A row of cells and its optional CSS class (best, tied, no-metric).</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, string? CssClass = null);
