// Turns a ChartSpec into Apache ECharts option JSON with System.Text.Json: invariant numbers, keys in a fixed order,
// '<', '>' and '&' escaped by the default encoder (so the JSON can sit inside a <script> element), no animation (the
// SVG is the same on every load). It chooses layout only; what to show is the chart builders' job.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweepCluster.Reporting.Charts;

/// <summary>ECharts options for a <see cref="ChartSpec"/>.</summary>
public static class EChartsOptions
{
    /// <summary>Significant digits kept of every plotted number (well below what a chart can show, and smaller JSON).</summary>
    private const string PlottedDigits = "G6";

    private const int TitleHeight = 44;
    private const int ParallelNamesHeight = 64;
    private const int LegendHeight = 84;
    private const int PanelHeight = 170;
    private const int PanelGap = 46;
    private const int SinglePanelHeight = 300;
    private const int ParallelHeight = 380;
    private const int GridLeft = 76;
    private const int GridRight = 36;
    private const int XNameGap = 28;
    private const int YNameGap = 56;
    private const int SymbolSize = 7;
    private const int CrossSize = 11;
    private const double LineWidth = 1.6;
    private const double ManyLinesOpacity = 0.55;
    private const double ParallelLineOpacity = 0.45;
    private const string TextColor = "#333333";
    private const string FontSize = "12";

    private const int TitleFontSize = 14;
    private const int ParallelNameGap = 12;
    private const int ParallelLineWidth = 1;
    private const int ColourScaleRight = 8;

    /// <summary>How faint a parallel line outside the brushed ranges is drawn.</summary>
    private const double OutsideSelectionOpacity = 0.05;

    /// <summary>The widest a category's name runs on an x axis before it breaks onto another line.</summary>
    private const int CategoryLabelWidth = 110;

    /// <summary>The line height of a category's name broken over lines.</summary>
    private const int CategoryLabelLineHeight = 14;

    /// <summary>How much further a category axis's name sits from the axis (its labels may take two lines).</summary>
    private const int CategoryNameExtraGap = 20;

    /// <summary>Room right of the last parallel axis for its turned name and the colour scale.</summary>
    private const int ParallelRight = 230;

    /// <summary>Decimals of the values at the ends of the parallel chart's colour scale (metrics such as 0.9638).</summary>
    private const int ColourScaleDecimals = 4;

    /// <summary>Degrees the parallel axes' names are turned, so that long column names do not run into each other.</summary>
    private const int ParallelNameRotation = 20;

    private static readonly JsonSerializerOptions Writing = new() { WriteIndented = false };

    /// <summary>The chart's height in CSS pixels (its element's height).</summary>
    public static int HeightOf(ChartSpec chart) => chart switch
    {
        XyChart { Panels.Count: > 1 } xy => TitleHeight + xy.Panels.Count * (PanelHeight + PanelGap) + LegendHeight,
        XyChart => TitleHeight + SinglePanelHeight + LegendHeight,
        ParallelChart => TitleHeight + ParallelHeight + LegendHeight,
        _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "unknown chart kind"),
    };

    /// <summary>The option object as compact JSON.</summary>
    public static string Json(ChartSpec chart) => Of(chart).ToJsonString(Writing);

    /// <summary>The option object.</summary>
    public static JsonObject Of(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart switch
        {
            XyChart xy => Xy(xy),
            ParallelChart parallel => Parallel(parallel),
            _ => throw new ArgumentOutOfRangeException(nameof(chart), chart, "unknown chart kind"),
        };
    }

    private static JsonObject Xy(XyChart chart)
    {
        var panels = chart.Panels.Count;
        var grids = new JsonArray();
        var xAxes = new JsonArray();
        var yAxes = new JsonArray();
        var panelHeight = panels > 1 ? PanelHeight : SinglePanelHeight;
        for (var i = 0; i < panels; i++)
        {
            grids.Add(new JsonObject
            {
                ["left"] = GridLeft, ["right"] = GridRight, ["top"] = TitleHeight + i * (panelHeight + PanelGap), ["height"] = panelHeight,
            });
            var x = Axis(chart.X, XNameGap);
            x["gridIndex"] = i;
            xAxes.Add(x);
            var y = Axis(chart.Panels[i], YNameGap);
            FitWithinLimits(y, chart.Panels[i], chart.Series.Where(s => s.Panel == i).SelectMany(s => s.Points).Select(p => p.Y));
            y["gridIndex"] = i;
            yAxes.Add(y);
        }
        var series = new JsonArray();
        foreach (var s in chart.Series) series.Add(Series(s, chart.Series.Count));
        var allAxes = new JsonArray();
        for (var i = 0; i < panels; i++) allAxes.Add(i);
        return new JsonObject
        {
            ["animation"] = false,
            ["textStyle"] = new JsonObject { ["color"] = TextColor },
            ["title"] = Title(chart),
            ["legend"] = Legend(),
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["confine"] = true },
            ["axisPointer"] = new JsonObject { ["link"] = new JsonArray(new JsonObject { ["xAxisIndex"] = "all" }) },
            ["dataZoom"] = new JsonArray(new JsonObject { ["type"] = "inside", ["xAxisIndex"] = allAxes, ["filterMode"] = "none" }),
            ["grid"] = grids,
            ["xAxis"] = xAxes,
            ["yAxis"] = yAxes,
            ["series"] = series,
        };
    }

    private static JsonObject Parallel(ParallelChart chart)
    {
        var axes = new JsonArray();
        for (var i = 0; i < chart.Axes.Count; i++)
        {
            var axis = chart.Axes[i];
            var node = new JsonObject { ["dim"] = i, ["name"] = axis.Label, ["type"] = AxisType(axis.Scale) };
            if (axis.Scale == AxisScale.Category) node["data"] = Strings(axis.Categories ?? []);
            if (axis.Scale == AxisScale.Linear) node["scale"] = true;
            if (axis.Min is { } min) node["min"] = Number(min);
            if (axis.Max is { } max) node["max"] = Number(max);
            FitWithinLimits(node, axis, chart.Rows.Select(r => r.Values[i]));
            axes.Add(node);
        }
        var data = new JsonArray();
        foreach (var row in chart.Rows)
        {
            var values = new JsonArray();
            foreach (var v in row.Values) values.Add(v is { } value ? Number(value) : null);
            data.Add(new JsonObject { ["name"] = row.Label, ["value"] = values });
        }
        var metric = chart.Axes.Count - 1;
        var (low, high) = Range(chart.Rows.Select(r => r.Values[metric]));
        return new JsonObject
        {
            ["animation"] = false,
            ["textStyle"] = new JsonObject { ["color"] = TextColor },
            ["title"] = Title(chart),
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["confine"] = true },
            ["parallel"] = new JsonObject
            {
                ["left"] = GridLeft, ["right"] = ParallelRight, ["top"] = TitleHeight + ParallelNamesHeight, ["bottom"] = XNameGap,
                ["parallelAxisDefault"] = new JsonObject
                {
                    ["nameLocation"] = "end", ["nameGap"] = ParallelNameGap, ["nameRotate"] = ParallelNameRotation,
                    ["nameTextStyle"] = new JsonObject { ["fontSize"] = FontSize, ["align"] = "left" },
                },
            },
            ["parallelAxis"] = axes,
            ["visualMap"] = new JsonObject
            {
                ["type"] = "continuous", ["dimension"] = metric, ["min"] = Number(low), ["max"] = Number(high), ["calculable"] = true,
                ["right"] = ColourScaleRight, ["top"] = "middle", ["precision"] = ColourScaleDecimals,
                ["inRange"] = new JsonObject { ["color"] = new JsonArray("#D55E00", "#F0E442", "#0072B2") },
            },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "parallel", ["name"] = chart.Title, ["data"] = data,
                ["lineStyle"] = new JsonObject { ["width"] = ParallelLineWidth, ["opacity"] = ParallelLineOpacity },
                ["inactiveOpacity"] = OutsideSelectionOpacity, ["activeOpacity"] = 1,
            }),
        };
    }

    private static JsonObject Title(ChartSpec chart) => new()
    {
        ["text"] = chart.Title, ["left"] = "center", ["textStyle"] = new JsonObject { ["fontSize"] = TitleFontSize, ["fontWeight"] = "bold" },
    };

    private static JsonObject Legend() => new() { ["type"] = "scroll", ["bottom"] = 0 };

    private static JsonObject Axis(ChartAxis axis, int nameGap)
    {
        var node = new JsonObject
        {
            ["type"] = AxisType(axis.Scale), ["name"] = axis.Label, ["nameLocation"] = "middle", ["nameGap"] = nameGap,
        };
        if (axis.Scale == AxisScale.Category)
        {
            node["data"] = Strings(axis.Categories ?? []);
            // Every category named, long names broken over lines rather than skipped.
            node["axisLabel"] = new JsonObject { ["interval"] = 0, ["width"] = CategoryLabelWidth, ["overflow"] = "break",
                ["lineHeight"] = CategoryLabelLineHeight,
            };
            node["nameGap"] = nameGap + CategoryNameExtraGap;
        }
        if (axis.Scale == AxisScale.Linear) node["scale"] = true;
        if (axis.Min is { } min) node["min"] = Number(min);
        if (axis.Max is { } max) node["max"] = Number(max);
        return node;
    }

    private static JsonObject Series(ChartSeries series, int seriesCount)
    {
        var data = new JsonArray();
        foreach (var point in series.Points)
        {
            var value = new JsonArray(Number(point.X), point.Y is { } y ? Number(y) : null);
            data.Add(point.Label is null ? value : new JsonObject { ["name"] = point.Label, ["value"] = value });
        }
        var node = new JsonObject
        {
            ["name"] = series.Name, ["xAxisIndex"] = series.Panel, ["yAxisIndex"] = series.Panel, ["color"] = series.Color,
        };
        switch (series.Mark)
        {
            case SeriesMark.Line or SeriesMark.DashedLine:
                node["type"] = "line";
                node["showSymbol"] = false;
                node["connectNulls"] = false;
                node["lineStyle"] = new JsonObject
                {
                    ["width"] = LineWidth, ["type"] = series.Mark == SeriesMark.DashedLine ? "dashed" : "solid",
                    ["opacity"] = seriesCount > ManySeries ? ManyLinesOpacity : 1,
                };
                break;
            case SeriesMark.Dot:
                node["type"] = "scatter";
                node["symbolSize"] = SymbolSize;
                node["itemStyle"] = new JsonObject { ["opacity"] = ManyLinesOpacity + (1 - ManyLinesOpacity) / 2 };
                break;
            case SeriesMark.Cross:
                node["type"] = "scatter";
                node["symbol"] = CrossPath;
                node["symbolSize"] = CrossSize;
                node["z"] = 5;
                break;
            case SeriesMark.StepLine:
                node["type"] = "line";
                node["step"] = "end";
                node["showSymbol"] = false;
                node["lineStyle"] = new JsonObject { ["width"] = StepLineWidth };
                node["z"] = 4;
                break;
            case SeriesMark.Bar:
                node["type"] = "bar";
                node["barMaxWidth"] = BarMaxWidth;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(series), series.Mark, "unknown mark");
        }
        node["data"] = data;
        return node;
    }

    /// <summary>Above this many series, lines are drawn half transparent so that crossings stay readable.</summary>
    private const int ManySeries = 8;

    /// <summary>A running best is drawn a little bolder than the data under it.</summary>
    private const double StepLineWidth = 2.2;

    /// <summary>The widest a bar is drawn (a chart of two bars would otherwise fill its panel).</summary>
    private const int BarMaxWidth = 48;

    /// <summary>An "×" as an SVG path (ECharts has no built-in cross symbol).</summary>
    private const string CrossPath = "path://M2,0 L5,3 L8,0 L10,2 L7,5 L10,8 L8,10 L5,7 L2,10 L0,8 L3,5 L0,2 Z";

    private static string AxisType(AxisScale scale) => scale switch
    {
        AxisScale.Linear => "value",
        AxisScale.Log => "log",
        AxisScale.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "unknown scale"),
    };

    /// <summary>Ticks a fitted axis aims at (ECharts' default splitNumber).</summary>
    private const int FittedTicks = 5;

    /// <summary>How far (in steps) a value may miss a whole step and still count as on it.</summary>
    private const double StepSlack = 1e-9;

    /// <summary>Gives a linear axis with <see cref="ChartAxis.Limits"/> both ends: the data's extent (clipped to the limits)
    /// widened to whole ticks as ECharts would widen it, then clipped again, so a tick rounding never shows an accuracy
    /// of 1.1 (or a loss below 0). Ends the axis fixes itself, axes without limits and panels without data are left to ECharts.</summary>
    private static void FitWithinLimits(JsonObject node, ChartAxis axis, IEnumerable<double?> values)
    {
        if (axis is not { Scale: AxisScale.Linear, Limits: { } limits } || (limits.Min is null && limits.Max is null)) return;
        var finite = values.OfType<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return;
        var (low, high) = FittedExtent(limits.Clip(finite.Min()), limits.Clip(finite.Max()));
        if (axis.Min is null) node["min"] = Number(limits.Clip(low));
        if (axis.Max is null) node["max"] = Number(limits.Clip(high));
    }

    /// <summary>[low, high] widened outwards to multiples of a 1-, 2-, 3- or 5-step giving about <see cref="FittedTicks"/>
    /// ticks (ECharts' rule for a value axis with scale: true); a single value v is first widened to v ± |v|/2 ([0, 1] for 0).</summary>
    internal static (double Low, double High) FittedExtent(double low, double high)
    {
        if (high <= low) (low, high) = low == 0 ? (0.0, 1.0) : (low - Math.Abs(low) / 2, low + Math.Abs(low) / 2);
        var step = NiceStep((high - low) / FittedTicks);
        // A hair of slack, so that 0.95 / 0.01 = 94.999… is 95 steps; rounded to the step's decimals, so that 0.3 · 4 is 1.2
        // and not 1.2000000000000002.
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 1, 0, 15);
        return (Math.Round(Math.Floor(low / step + StepSlack) * step, decimals), Math.Round(Math.Ceiling(high / step - StepSlack) * step, decimals));
    }

    /// <summary>The nearest of 1, 2, 3, 5 or 10 times a power of ten to <paramref name="rough"/> (ECharts' nice number).</summary>
    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction < 1.5 ? 1 : fraction < 2.5 ? 2 : fraction < 4 ? 3 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    private static (double Low, double High) Range(IEnumerable<double?> values)
    {
        var finite = values.OfType<double>().Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
    }

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values) array.Add(value);
        return array;
    }

    /// <summary>A finite number rounded to <see cref="PlottedDigits"/>; NaN and infinities become null (JSON has neither).</summary>
    private static JsonNode? Number(double value) =>
        double.IsFinite(value) ? JsonValue.Create(double.Parse(value.ToString(PlottedDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)) : null;
}
