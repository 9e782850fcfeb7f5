// One legend line of a chart: a swatch (line, dashed line or dot) and a label. It does not lay legends out.
namespace SweepCluster.Reporting.Svg;

/// <summary>How a legend entry's swatch is drawn.</summary>
public enum LegendSwatch { Line, DashedLine, Dot, Bar }

/// <summary>One legend entry.</summary>
public sealed record LegendEntry(string Label, string Color, LegendSwatch Swatch = LegendSwatch.Line);
