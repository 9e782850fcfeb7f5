// The colours of the charts: the Okabe–Ito palette (distinguishable with colour-vision deficiencies) and the greys
// of axes and grid. It does not assign colours to data beyond cycling by index.
namespace SweepCluster.Reporting.Svg;

/// <summary>Chart colours.</summary>
public static class ChartPalette
{
    /// <summary>Series colours, in order of use.</summary>
    public static IReadOnlyList<string> Series { get; } = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"];

    /// <summary>Axis lines and tick marks.</summary>
    public const string Axis = "#444";

    /// <summary>Horizontal grid lines.</summary>
    public const string Grid = "#e3e3e3";

    /// <summary>Secondary text (tick labels).</summary>
    public const string MutedText = "#555";

    /// <summary>The colour of series number <paramref name="index"/>, cycling.</summary>
    public static string SeriesColor(int index) => Series[index % Series.Count];
}
