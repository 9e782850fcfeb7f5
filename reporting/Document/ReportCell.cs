// One cell of a report table: its text (plain, never markup) and what it holds. Writers escape and style it.
namespace SweepCluster.Reporting.Document;

/// <summary>A cell: its text and kind.</summary>
public sealed record ReportCell(string Text, CellKind Kind = CellKind.Text)
{
    /// <summary>A number as ReportText wrote it.</summary>
    public static ReportCell Number(string text) => new(text, CellKind.Number);

    /// <summary>A word from the spec or the user.</summary>
    public static ReportCell Code(string text) => new(text, CellKind.Code);

    /// <summary>A problem (an error message).</summary>
    public static ReportCell Problem(string text) => new(text, CellKind.Problem);
}
