// A line chart: numeric x and y axes with nice ticks, one polyline per series (broken at missing or non-finite
// points), dots on solid series, and a legend. It does not choose series or colours (ReportCharts does).
using System.Globalization;

namespace SweepCluster.Reporting.Svg;

/// <summary>One line of a <see cref="LineChart"/>.</summary>
/// <param name="Points">(x, y) in data units; a non-finite y breaks the line.</param>
/// <param name="Dashed">Drawn dashed and without dots (e.g. training loss next to solid validation loss).</param>
public sealed record LineSeries(string Label, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>A chart of lines over a numeric x axis.</summary>
/// <param name="xAxisTitle">Title under the x axis, with its unit.</param>
/// <param name="legend">Entries shown under the chart; null: one per series.</param>
/// <param name="minimumXStep">Smallest x tick step (1 for epochs).</param>
/// <param name="valueRange">The values y can take (a metric's range): the axis stops at its bounds.</param>
/// <param name="includeZero">The y axis reaches down (or up) to 0, e.g. for schedule values, so levels compare by height.</param>
public sealed class LineChart(
    string title, string xAxisTitle, string yAxisTitle, IReadOnlyList<LineSeries> series,
    IReadOnlyList<LegendEntry>? legend = null, double minimumXStep = 0, bool includeZero = false, MetricRange? valueRange = null)
    : SvgChart(title, yAxisTitle)
{
    /// <inheritdoc />
    protected override MetricRange ValueRange => valueRange ?? MetricRange.Unbounded;

    /// <summary>The stroke-dasharray of dashed lines.</summary>
    public const string DashPattern = "6 4";

    private const double LineWidth = 2;
    private const double DotRadius = 2.5;
    private const double XAxisTitleBelow = 40;

    /// <inheritdoc />
    protected override IReadOnlyList<LegendEntry> Legend =>
        legend ?? series.Select(s => new LegendEntry(s.Label, s.Color, s.Dashed ? LegendSwatch.DashedLine : LegendSwatch.Line)).ToArray();

    private IEnumerable<(double X, double Y)> FinitePoints =>
        series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y));

    private AxisTicks XTicks => FinitePoints.Any()
        ? NiceTicks.For(FinitePoints.Min(p => p.X), FinitePoints.Max(p => p.X), minimumStep: minimumXStep)
        : NiceTicks.For(0, 1);

    /// <inheritdoc />
    protected override (double Low, double High) YRange()
    {
        if (!FinitePoints.Any()) return (0, 1);
        var (low, high) = (FinitePoints.Min(p => p.Y), FinitePoints.Max(p => p.Y));
        return includeZero ? (Math.Min(low, 0), Math.Max(high, 0)) : (low, high);
    }

    /// <inheritdoc />
    protected override void DrawXAxis(SvgWriter svg, PlotArea plot)
    {
        var ticks = XTicks;
        var x = XScale(plot, ticks);
        foreach (var value in ticks.Values) XTick(svg, plot, x.Map(value), ticks.Label(value));
        XAxisTitle(svg, plot, xAxisTitle, XAxisTitleBelow);
    }

    /// <inheritdoc />
    protected override void DrawData(SvgWriter svg, PlotArea plot, LinearScale y)
    {
        var x = XScale(plot, XTicks);
        foreach (var line in series)
        {
            var dash = line.Dashed ? DashPattern : null;
            foreach (var segment in Segments(line.Points))
            {
                var pixels = segment.Select(p => (x.Map(p.X), y.Map(p.Y))).ToArray();
                if (pixels.Length > 1) svg.Polyline(pixels, line.Color, LineWidth, dash);
                if (line.Dashed) continue;
                foreach (var (p, pixel) in segment.Zip(pixels))
                    svg.Circle(pixel.Item1, pixel.Item2, DotRadius, line.Color, string.Create(CultureInfo.InvariantCulture, $"{line.Label}: x={p.X:G6}, y={p.Y:G6}"));
            }
        }
    }

    private static LinearScale XScale(PlotArea plot, AxisTicks ticks) => new(ticks.Min, ticks.Max, plot.Left, plot.Right);

    /// <summary>Runs of consecutive finite points.</summary>
    private static IEnumerable<IReadOnlyList<(double X, double Y)>> Segments(IReadOnlyList<(double X, double Y)> points)
    {
        var current = new List<(double X, double Y)>();
        foreach (var point in points)
        {
            if (double.IsFinite(point.X) && double.IsFinite(point.Y))
            {
                current.Add(point);
                continue;
            }
            if (current.Count > 0) yield return current;
            current = [];
        }
        if (current.Count > 0) yield return current;
    }
}
