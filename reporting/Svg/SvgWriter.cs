// Writes SVG elements as text: numbers in the invariant culture with one decimal, every attribute value and text
// escaped. It knows nothing of charts (SvgChart does the layout).
using System.Globalization;
using System.Text;
using SweepCluster.Reporting.Html;

namespace SweepCluster.Reporting.Svg;

/// <summary>How a text is anchored horizontally at its x coordinate.</summary>
public enum TextAnchor { Start, Middle, End }

/// <summary>A minimal SVG element writer.</summary>
public sealed class SvgWriter
{
    private const string Namespace = "http://www.w3.org/2000/svg";
    private const double DefaultStrokeWidth = 1;
    private const double DefaultFontSize = 12;
    private readonly StringBuilder output = new();

    /// <summary>Opens the root element with a viewBox of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public SvgWriter Begin(double width, double height, string title)
    {
        output.Append($"<svg xmlns=\"{Namespace}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" ")
            .Append($"role=\"img\" aria-label=\"{HtmlText.Escape(title)}\" font-family=\"system-ui, sans-serif\">")
            .Append($"<title>{HtmlText.Escape(title)}</title>\n");
        return this;
    }

    /// <summary>Closes the root element.</summary>
    public SvgWriter End()
    {
        output.Append("</svg>\n");
        return this;
    }

    /// <summary>A straight line.</summary>
    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = DefaultStrokeWidth, string? dash = null)
    {
        output.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{HtmlText.Escape(stroke)}\" stroke-width=\"{N(strokeWidth)}\"")
            .Append(Dash(dash)).Append(" />\n");
        return this;
    }

    /// <summary>An open polyline through <paramref name="points"/>.</summary>
    public SvgWriter Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth, string? dash = null)
    {
        var coordinates = string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"));
        output.Append($"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{HtmlText.Escape(stroke)}\" stroke-width=\"{N(strokeWidth)}\"")
            .Append(" stroke-linejoin=\"round\"").Append(Dash(dash)).Append(" />\n");
        return this;
    }

    /// <summary>A filled circle, with an optional tooltip.</summary>
    public SvgWriter Circle(double cx, double cy, double radius, string fill, string? tooltip = null, double opacity = 1)
    {
        output.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(radius)}\" fill=\"{HtmlText.Escape(fill)}\" fill-opacity=\"{N(opacity)}\"");
        if (tooltip is null) output.Append(" />\n");
        else output.Append($"><title>{HtmlText.Escape(tooltip)}</title></circle>\n");
        return this;
    }

    /// <summary>A filled rectangle.</summary>
    public SvgWriter Rect(double x, double y, double width, double height, string fill)
    {
        output.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"{HtmlText.Escape(fill)}\" />\n");
        return this;
    }

    /// <summary>A text, optionally rotated about its anchor point.</summary>
    public SvgWriter Text(double x, double y, string text, TextAnchor anchor = TextAnchor.Start, double fontSize = DefaultFontSize,
        string fill = "#222", bool bold = false, double rotateDegrees = 0)
    {
        output.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(fontSize)}\" fill=\"{HtmlText.Escape(fill)}\" text-anchor=\"{AnchorName(anchor)}\"");
        if (bold) output.Append(" font-weight=\"bold\"");
        if (rotateDegrees != 0) output.Append($" transform=\"rotate({N(rotateDegrees)} {N(x)} {N(y)})\"");
        output.Append('>').Append(HtmlText.Escape(text)).Append("</text>\n");
        return this;
    }

    /// <summary>The SVG text written so far.</summary>
    public override string ToString() => output.ToString();

    private static string Dash(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{HtmlText.Escape(dash)}\"";

    private static string AnchorName(TextAnchor anchor) => anchor switch
    {
        TextAnchor.Middle => "middle",
        TextAnchor.End => "end",
        _ => "start",
    };

    /// <summary>A coordinate with at most one decimal.</summary>
    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
