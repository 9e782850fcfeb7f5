// Breaks a label into lines that fit a width, at spaces (so "a=1, b=2" breaks after a comma), for SVG text, which
// does not wrap by itself. Widths are estimated from the font size: SVG renderers measure nothing for us.
namespace SweepCluster.Reporting.Svg;

/// <summary>Greedy word wrapping by an estimated character width.</summary>
public static class TextWrap
{
    /// <summary>Average advance of a character of the charts' sans-serif font, as a fraction of the font size
    /// (generous, so that wide glyphs and digits still fit).</summary>
    public const double CharacterWidthEm = 0.58;

    /// <summary>How many characters of <paramref name="fontSize"/> fit in <paramref name="width"/> pixels (at least 1).</summary>
    public static int CharactersThatFit(double width, double fontSize) => Math.Max(1, (int)(width / (fontSize * CharacterWidthEm)));

    /// <summary>
    /// The lines of <paramref name="text"/>, each at most <paramref name="maxCharacters"/> long; a word longer than
    /// that is cut. Never empty (an empty text is one empty line).
    /// </summary>
    public static IReadOnlyList<string> Lines(string text, int maxCharacters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 1);
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (candidate.Length <= maxCharacters)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0) lines.Add(current);
            current = word;
            while (current.Length > maxCharacters)
            {
                lines.Add(current[..maxCharacters]);
                current = current[maxCharacters..];
            }
        }
        lines.Add(current);
        return lines;
    }
}
