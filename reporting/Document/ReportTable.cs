// A format-neutral table: an optional title (else its section's heading names it), columns, rows, the notes that
// explain it, what to say when it has no rows, and how many rows a layout short of space lists. It lays nothing out.
namespace SweepCluster.Reporting.Document;

/// <summary>A table of the report.</summary>
/// <param name="Title">Its own title when a section has several tables; null when its section's heading names it.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="Rows">Its rows, one cell per column each.</param>
public sealed record ReportTable(string? Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>Notes that explain it (legends, cuts), in order.</summary>
    public IReadOnlyList<ReportNote> Notes { get; init; } = [];

    /// <summary>What is shown instead of a table with no rows ("None."); null to show the empty table, or nothing in a list layout.</summary>
    public string? EmptyText { get; init; }

    /// <summary>Rows a layout short of space (the terminal) lists; the rest are counted in a note. Null: every row.</summary>
    public int? ShortLayoutRows { get; init; }

    /// <summary>How many rows there are in all, when <see cref="Rows"/> holds only the top of them (a cut ranking).</summary>
    public int? TotalRows { get; init; }

    /// <summary>What a row is, plural, for the note on rows not shown ("combinations").</summary>
    public string RowNoun { get; init; } = "rows";

    /// <summary>Detail tables (a whole training history) are left out by layouts short of space, which show the
    /// section's facts instead.</summary>
    public ColumnPriority Priority { get; init; } = ColumnPriority.Essential;

    /// <summary>Whether its rows read as sentences (each has its <see cref="ReportRow.Sentence"/>), so a layout short of
    /// space lists them under the heading instead of tabulating them, and lists nothing when there are none.</summary>
    public bool IsList { get; init; }
}
