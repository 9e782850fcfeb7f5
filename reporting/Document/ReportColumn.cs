// One column of a report table: its heading (and the short one narrow layouts use), what its cells hold, how they
// line up, how much it is needed and what it says about its row. No layout here.
namespace SweepCluster.Reporting.Document;

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
/// <param name="Heading">The heading, as plain words (writers escape it).</param>
/// <param name="Kind">What its cells hold.</param>
/// <param name="Alignment">How its cells line up.</param>
public sealed record ReportColumn(string Heading, CellKind Kind = CellKind.Text, ColumnAlignment Alignment = ColumnAlignment.Left)
{
    /// <summary>The heading where space is short (the terminal): "#" for "rank"; null to use <see cref="Heading"/>.</summary>
    public string? ShortHeading { get; init; }

    /// <summary>Which narrow layouts drop it, and in which order.</summary>
    public ColumnPriority Priority { get; init; } = ColumnPriority.Essential;

    /// <summary>What its cells are to their row.</summary>
    public ColumnRole Role { get; init; } = ColumnRole.Data;

    /// <summary>A right-aligned column of numbers.</summary>
    public static ReportColumn Number(string heading) => new(heading, CellKind.Number, ColumnAlignment.Right);

    /// <summary>A left-aligned column of code words.</summary>
    public static ReportColumn Code(string heading) => new(heading, CellKind.Code);
}
