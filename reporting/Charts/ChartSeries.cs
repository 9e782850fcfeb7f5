// One series of an x-y chart: its legend name, how its marks look, its colour and its points. No drawing here.
namespace SweepCluster.Reporting.Charts;

/// <summary>How a series is drawn.</summary>
public enum SeriesMark
{
    /// <summary>A solid line through the points; a point without a y value breaks it.</summary>
    Line,

    /// <summary>A dashed line, otherwise as <see cref="Line"/>.</summary>
    DashedLine,

    /// <summary>A filled circle per point.</summary>
    Dot,

    /// <summary>A cross per point (an event: where a trial was stopped).</summary>
    Cross,

    /// <summary>A line that keeps each point's value until the next point (a running best: it only changes at new bests).</summary>
    StepLine,

    /// <summary>A bar from zero to each point's value (on a category x axis: one bar per category).</summary>
    Bar,
}

/// <summary>A series of an <see cref="XyChart"/>.</summary>
/// <param name="Name">The legend entry; series with the same name share it (and are shown or hidden together).</param>
/// <param name="Mark">How the points are drawn.</param>
/// <param name="Color">A CSS hex colour from <see cref="ChartColors"/>.</param>
/// <param name="Points">The points in order.</param>
/// <param name="Panel">The index of the panel (its y axis) the series is drawn in.</param>
public sealed record ChartSeries(string Name, SeriesMark Mark, string Color, IReadOnlyList<ChartPoint> Points, int Panel = 0);

/// <summary>One point; a null <paramref name="Y"/> breaks a line (the gap between two trials drawn as one series).</summary>
/// <param name="Label">What the point is, shown on hover ("trial 12"); null for none.</param>
public sealed record ChartPoint(double X, double? Y, string? Label = null);
