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
