// A dot plot over categories in groups: every individual value as a dot (spread sideways deterministically so equal
// values stay visible), the mean as a short bar and mean ± std as a vertical error bar. It does not aggregate data.
using System.Globalization;

namespace SweepCluster.Reporting.Svg;

/// <summary>One category of a dot plot.</summary>
/// <param name="Values">The individual values (e.g. one per trial).</param>
/// <param name="Mean">The mean shown as a bar; null: none.</param>
/// <param name="StdDev">The spread drawn as mean ± std; null: no error bar.</param>
public sealed record DotCategory(string Label, IReadOnlyList<double> Values, double? Mean, double? StdDev);

/// <summary>Categories drawn side by side under a shared group label.</summary>
public sealed record DotGroup(string Label, IReadOnlyList<DotCategory> Categories);

/// <summary>Values per category, in groups, on a shared y axis.</summary>
/// <param name="dotsLegend">What a dot is, in the legend (e.g. "individual trials (one dot each)").</param>
/// <param name="valueRange">The values can take (a metric's range): error bars and the axis stop at its bounds.</param>
public sealed class DotPlot(string title, string yAxisTitle, IReadOnlyList<DotGroup> groups, string dotsLegend, MetricRange? valueRange = null)
    : SvgChart(title, yAxisTitle)
{
    private const double GroupGapSlots = 0.6;
    private const double DotRadius = 3.5;
    private const double DotOpacity = 0.55;
    private const double DotSpreadFraction = 0.3;
    private const double MeanBarFraction = 0.45;
    private const double CapFraction = 0.15;
    private const double MeanBarWidth = 3;
    private const double ErrorBarWidth = 1.5;
    private const double GroupLabelBelow = 42;
    private const double GroupBracketBelow = 28;
    private const string MeanColor = "#111";

    /// <inheritdoc />
    protected override double XAxisHeight => 54;

    /// <inheritdoc />
    protected override MetricRange ValueRange => valueRange ?? MetricRange.Unbounded;

    /// <inheritdoc />
    protected override IReadOnlyList<LegendEntry> Legend =>
    [
        new(dotsLegend, ChartPalette.MutedText, LegendSwatch.Dot),
        new("mean ± standard deviation over trials (clipped to the metric's range)", MeanColor, LegendSwatch.Bar),
    ];

    /// <inheritdoc />
    protected override (double Low, double High) YRange()
    {
        var values = groups.SelectMany(g => g.Categories).SelectMany(c => c.Values
            .Concat(c.Mean is { } m ? [ValueRange.Clip(m - (c.StdDev ?? 0)), ValueRange.Clip(m + (c.StdDev ?? 0))] : []))
            .Where(double.IsFinite)
            .ToArray();
        return values.Length > 0 ? (values.Min(), values.Max()) : (0, 1);
    }

    /// <inheritdoc />
    protected override void DrawXAxis(SvgWriter svg, PlotArea plot)
    {
        var slotWidth = SlotWidth(plot);
        foreach (var (group, groupIndex, centres) in Layout(plot))
        {
            for (var i = 0; i < group.Categories.Count; i++) XTick(svg, plot, centres[i], group.Categories[i].Label);
            var left = centres[0] - slotWidth * MeanBarFraction;
            var right = centres[^1] + slotWidth * MeanBarFraction;
            svg.Line(left, plot.Bottom + GroupBracketBelow, right, plot.Bottom + GroupBracketBelow, ChartPalette.Axis);
            svg.Text((left + right) / 2, plot.Bottom + GroupLabelBelow, group.Label, TextAnchor.Middle, bold: true,
                fill: ChartPalette.SeriesColor(groupIndex));
        }
    }

    /// <inheritdoc />
    protected override void DrawData(SvgWriter svg, PlotArea plot, LinearScale y)
    {
        var slotWidth = SlotWidth(plot);
        foreach (var (group, groupIndex, centres) in Layout(plot))
        {
            var color = ChartPalette.SeriesColor(groupIndex);
            for (var i = 0; i < group.Categories.Count; i++)
            {
                var category = group.Categories[i];
                var centre = centres[i];
                var finite = category.Values.Where(double.IsFinite).ToArray();
                for (var k = 0; k < finite.Length; k++)
                {
                    var offset = Spread(k, finite.Length) * slotWidth * DotSpreadFraction;
                    svg.Circle(centre + offset, y.Map(finite[k]), DotRadius, color, string.Create(CultureInfo.InvariantCulture, $"{group.Label} {category.Label}: {finite[k]:G6}"), DotOpacity);
                }
                if (category.Mean is not { } mean) continue;
                if (category.StdDev is { } std)
                {
                    var cap = slotWidth * CapFraction;
                    var (low, high) = (y.Map(ValueRange.Clip(mean - std)), y.Map(ValueRange.Clip(mean + std)));
                    svg.Line(centre, low, centre, high, MeanColor, ErrorBarWidth);
                    svg.Line(centre - cap, low, centre + cap, low, MeanColor, ErrorBarWidth);
                    svg.Line(centre - cap, high, centre + cap, high, MeanColor, ErrorBarWidth);
                }
                var half = slotWidth * MeanBarFraction / 2;
                svg.Line(centre - half, y.Map(mean), centre + half, y.Map(mean), MeanColor, MeanBarWidth);
            }
        }
    }

    /// <summary>Offsets in [−1, 1] spreading n dots evenly; 0 for one dot.</summary>
    private static double Spread(int k, int count) => count == 1 ? 0 : -1 + 2.0 * k / (count - 1);

    private double SlotWidth(PlotArea plot)
    {
        var categories = groups.Sum(g => g.Categories.Count);
        var slots = categories + GroupGapSlots * Math.Max(groups.Count - 1, 0);
        return plot.Width / Math.Max(slots, 1);
    }

    /// <summary>Each non-empty group with its index and the x pixel centre of each of its categories.</summary>
    private IEnumerable<(DotGroup Group, int Index, double[] Centres)> Layout(PlotArea plot)
    {
        var slotWidth = SlotWidth(plot);
        var position = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (group.Categories.Count == 0) continue;
            var centres = Enumerable.Range(0, group.Categories.Count).Select(i => plot.Left + (position + i + 0.5) * slotWidth).ToArray();
            yield return (group, g, centres);
            position += group.Categories.Count + GroupGapSlots;
        }
    }
}
