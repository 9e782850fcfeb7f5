// The frame every chart shares: title, plot area, the y axis with nice ticks, grid lines and axis title, and a legend
// below the plot, one entry per row (long labels wrap onto further rows instead of running off the chart's edge).
// Subclasses draw the x axis and the data. It does not pick data or colours.
namespace SweepCluster.Reporting.Svg;

/// <summary>The pixel rectangle the data are drawn in.</summary>
public sealed record PlotArea(double Left, double Top, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => Left + Width;

    /// <summary>The bottom edge (the x axis).</summary>
    public double Bottom => Top + Height;
}

/// <summary>A chart with a y axis; subclasses supply the y range, the x axis and the data.</summary>
public abstract class SvgChart(string title, string yAxisTitle)
{
    /// <summary>Width of every chart in pixels.</summary>
    protected const double ChartWidth = 720;

    /// <summary>Height of the plot area in pixels.</summary>
    protected const double PlotHeight = 250;

    private const double TitleHeight = 34;
    private const double LeftMargin = 78;
    private const double RightMargin = 24;
    private const double TickLength = 5;
    private const double TickLabelGap = 8;
    private const double LegendTopGap = 10;
    private const double LegendRowHeight = 18;
    private const double LegendSwatchWidth = 26;
    private const double LegendTextGap = 8;
    private const double LegendBottomPadding = 8;
    private const double TitleFontSize = 14;
    private const double AxisTitleFontSize = 12;
    private const double TickFontSize = 11;
    private const double YAxisTitleOffset = 18;

    /// <summary>The chart's title (also its accessible name).</summary>
    public string Title => title;

    /// <summary>Space below the plot for the x axis' tick labels and title.</summary>
    protected virtual double XAxisHeight => 46;

    /// <summary>The values the y axis can hold (a metric's range); the axis never runs past it.</summary>
    protected virtual MetricRange ValueRange => MetricRange.Unbounded;

    /// <summary>The legend entries (none by default).</summary>
    protected virtual IReadOnlyList<LegendEntry> Legend => [];

    /// <summary>The SVG element.</summary>
    public string ToSvg()
    {
        var legend = Legend;
        var plot = new PlotArea(LeftMargin, TitleHeight, ChartWidth - LeftMargin - RightMargin, PlotHeight);
        var legendLines = legend.Select(entry => TextWrap.Lines(entry.Label, LegendCharactersPerLine)).ToArray();
        var legendTop = plot.Bottom + XAxisHeight + (legend.Count > 0 ? LegendTopGap : 0);
        var height = legendTop + legendLines.Sum(lines => lines.Count) * LegendRowHeight + LegendBottomPadding;

        var svg = new SvgWriter().Begin(ChartWidth, height, title);
        svg.Text(ChartWidth / 2, TitleHeight - 14, title, TextAnchor.Middle, TitleFontSize, bold: true);

        var (low, high) = YRange();
        var yTicks = NiceTicks.Within(NiceTicks.For(low, high), ValueRange);
        var y = new LinearScale(yTicks.Min, yTicks.Max, plot.Bottom, plot.Top);
        DrawYAxis(svg, plot, yTicks, y);
        DrawXAxis(svg, plot);
        DrawData(svg, plot, y);
        DrawLegend(svg, legend, legendLines, legendTop);
        return svg.End().ToString();
    }

    /// <summary>The smallest and largest y value to show (finite).</summary>
    protected abstract (double Low, double High) YRange();

    /// <summary>Draws the x axis line, ticks, labels and title below <paramref name="plot"/>.</summary>
    protected abstract void DrawXAxis(SvgWriter svg, PlotArea plot);

    /// <summary>Draws the data inside <paramref name="plot"/>, with <paramref name="y"/> mapping values to pixels.</summary>
    protected abstract void DrawData(SvgWriter svg, PlotArea plot, LinearScale y);

    /// <summary>A tick mark with its label under the x axis at pixel <paramref name="x"/>.</summary>
    protected static void XTick(SvgWriter svg, PlotArea plot, double x, string label)
    {
        svg.Line(x, plot.Bottom, x, plot.Bottom + TickLength, ChartPalette.Axis);
        svg.Text(x, plot.Bottom + TickLength + TickLabelGap + TickFontSize / 2, label, TextAnchor.Middle, TickFontSize, ChartPalette.MutedText);
    }

    /// <summary>The x axis title centred under the plot, <paramref name="below"/> pixels under the axis.</summary>
    protected static void XAxisTitle(SvgWriter svg, PlotArea plot, string text, double below) =>
        svg.Text(plot.Left + plot.Width / 2, plot.Bottom + below, text, TextAnchor.Middle, AxisTitleFontSize);

    private void DrawYAxis(SvgWriter svg, PlotArea plot, AxisTicks ticks, LinearScale y)
    {
        foreach (var value in ticks.Values)
        {
            var py = y.Map(value);
            svg.Line(plot.Left, py, plot.Right, py, ChartPalette.Grid);
            svg.Line(plot.Left - TickLength, py, plot.Left, py, ChartPalette.Axis);
            svg.Text(plot.Left - TickLength - 3, py + TickFontSize / 3, ticks.Label(value), TextAnchor.End, TickFontSize, ChartPalette.MutedText);
        }
        svg.Line(plot.Left, plot.Top, plot.Left, plot.Bottom, ChartPalette.Axis);
        svg.Line(plot.Left, plot.Bottom, plot.Right, plot.Bottom, ChartPalette.Axis);
        var titleX = YAxisTitleOffset;
        var titleY = plot.Top + plot.Height / 2;
        svg.Text(titleX, titleY, yAxisTitle, TextAnchor.Middle, AxisTitleFontSize, rotateDegrees: -90);
    }

    /// <summary>Legend text fits between the swatch and the right edge; longer labels wrap onto more lines.</summary>
    private static int LegendCharactersPerLine =>
        TextWrap.CharactersThatFit(ChartWidth - LeftMargin - LegendSwatchWidth - LegendTextGap - RightMargin, AxisTitleFontSize);

    private static void DrawLegend(SvgWriter svg, IReadOnlyList<LegendEntry> legend, IReadOnlyList<IReadOnlyList<string>> lines, double top)
    {
        var row = 0;
        for (var i = 0; i < legend.Count; i++)
        {
            var entry = legend[i];
            var middle = top + row * LegendRowHeight + LegendRowHeight / 2;
            var x = LeftMargin;
            switch (entry.Swatch)
            {
                case LegendSwatch.Dot:
                    svg.Circle(x + LegendSwatchWidth / 2, middle, 4, entry.Color);
                    break;
                case LegendSwatch.Bar:
                    svg.Line(x + LegendSwatchWidth / 2, middle - 6, x + LegendSwatchWidth / 2, middle + 6, entry.Color, 2);
                    svg.Line(x + 4, middle, x + LegendSwatchWidth - 4, middle, entry.Color, 3);
                    break;
                default:
                    svg.Line(x, middle, x + LegendSwatchWidth, middle, entry.Color, 2, entry.Swatch == LegendSwatch.DashedLine ? LineChart.DashPattern : null);
                    break;
            }
            foreach (var line in lines[i])
                svg.Text(x + LegendSwatchWidth + LegendTextGap, top + row++ * LegendRowHeight + LegendRowHeight / 2 + 4, line, fontSize: AxisTitleFontSize);
        }
    }
}
