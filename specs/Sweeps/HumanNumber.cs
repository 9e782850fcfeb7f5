// Formats numbers for people (axis values, schedule descriptions): whole numbers without a decimal point, others
// with at most six significant digits and a short exponent ("1e-5", not "1E-05"). Not for round-tripping: specs
// keep the exact values; this is display only.
using System.Globalization;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Short, invariant number text for descriptions.</summary>
public static class HumanNumber
{
    private const string SignificantDigits = "G6";
    private const double LargestPlainWholeNumber = 1e15;

    /// <summary>"32", "0.1", "0.001", "1e-5", "2.5e20", "NaN".</summary>
    public static string Format(double value)
    {
        if (double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < LargestPlainWholeNumber)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }
        var text = value.ToString(SignificantDigits, CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOf('E');
        if (exponentAt < 0) return text;
        var exponent = int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{text[..exponentAt]}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
