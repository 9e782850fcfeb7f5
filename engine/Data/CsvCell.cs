// Parsing of one trimmed CSV cell: a number, a finite float32 feature, or a class label.
// The fast path handles short plain integers (the common case for pixel data) exactly; everything else goes through
// float.TryParse / double.TryParse on the span with the invariant culture, so results match the framework bit for bit.
// Deliberately does not: trim, split or report errors with a location — the caller knows the line and column.
using System.Globalization;

namespace SweepCluster.Engine.Data;

/// <summary>Number parsing for single CSV cells (already trimmed).</summary>
internal static class CsvCell
{
    /// <summary>Longest digit run the fast path accepts: below 2^24, so every such integer is exact in float32.</summary>
    private const int MaxFastIntegerDigits = 7;

    /// <summary>How many characters of an offending cell an error message quotes.</summary>
    private const int MaxQuotedLength = 40;

    private const NumberStyles NumberStyle = NumberStyles.Float;

    /// <summary>Parses a number in invariant culture; NaN and infinities count as numbers here.</summary>
    public static bool TryParseFloat(ReadOnlySpan<char> cell, out float value)
    {
        if (TryParseShortInteger(cell, out var integer))
        {
            value = integer;
            return true;
        }
        return float.TryParse(cell, NumberStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a number in double precision (used for class labels, where 16777217 must not round).</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> cell, out double value)
    {
        if (TryParseShortInteger(cell, out var integer))
        {
            value = integer;
            return true;
        }
        return double.TryParse(cell, NumberStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The cell as it should appear in an error message: quoted, and shortened if long.</summary>
    public static string Quote(ReadOnlySpan<char> cell) =>
        cell.Length <= MaxQuotedLength ? $"\"{cell}\"" : $"\"{cell[..MaxQuotedLength]}…\"";

    /// <summary>An optional sign then 1 to <see cref="MaxFastIntegerDigits"/> ASCII digits; "-0" keeps its sign.</summary>
    private static bool TryParseShortInteger(ReadOnlySpan<char> cell, out float value)
    {
        value = 0;
        var negative = false;
        if (cell.Length > 0 && (cell[0] == '-' || cell[0] == '+'))
        {
            negative = cell[0] == '-';
            cell = cell[1..];
        }
        if (cell.Length == 0 || cell.Length > MaxFastIntegerDigits) return false;
        var magnitude = 0;
        foreach (var ch in cell)
        {
            var digit = ch - '0';
            if ((uint)digit > 9) return false;
            magnitude = magnitude * 10 + digit;
        }
        value = negative ? -(float)magnitude : magnitude;
        return true;
    }
}
