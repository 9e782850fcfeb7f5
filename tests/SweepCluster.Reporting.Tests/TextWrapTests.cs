// Legend labels wrap at spaces instead of running past the chart's right edge (long combination descriptions were
// cut off there).
using System.Globalization;
using System.Xml.Linq;
using SweepCluster.Reporting.Svg;

namespace SweepCluster.Reporting.Tests;

public sealed class TextWrapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void BreaksAtSpacesWithinTheLimit()
    {
        var lines = TextWrap.Lines("#1 learning_rate=constant(0.05), weight_decay=constant(0), batch_size=32", 32);

        Assert.Equal(["#1 learning_rate=constant(0.05),", "weight_decay=constant(0),", "batch_size=32"], lines);
    }

    [Fact]
    public void CutsAWordLongerThanALine()
    {
        Assert.Equal(["abcd", "efgh", "ij"], TextWrap.Lines("abcdefghij", 4));
        Assert.Equal([""], TextWrap.Lines("", 4));
    }

    [Fact]
    public void LongLegendLabelsStayInsideTheChart()
    {
        var label = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"axis_{i}=inverse_time(0.1, α=0.01, β=0.5)"));
        var chart = new LineChart("title", "epoch", "loss", [new LineSeries(label, "#000", [(1, 1), (2, 0.5)])]);

        var svg = XDocument.Parse(chart.ToSvg()).Root!;
        var width = double.Parse(svg.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        var legendLines = svg.Descendants(Svg + "text").Where(t => t.Value.Contains("axis_", StringComparison.Ordinal)).ToArray();

        Assert.True(legendLines.Length > 1);
        Assert.Equal(label, string.Join(" ", legendLines.Select(t => t.Value)));
        foreach (var text in legendLines)
        {
            var x = double.Parse(text.Attribute("x")!.Value, CultureInfo.InvariantCulture);
            var fontSize = double.Parse(text.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
            Assert.True(x + text.Value.Length * fontSize * TextWrap.CharacterWidthEm <= width, $"'{text.Value}' runs past the chart's edge");
        }
    }
}
