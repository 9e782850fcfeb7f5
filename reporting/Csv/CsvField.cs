// RFC 4180 quoting of one CSV field. It does not choose separators or line endings (CsvRenderer does).
namespace SweepCluster.Reporting.Csv;

/// <summary>Quotes CSV fields per RFC 4180.</summary>
public static class CsvField
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];

    /// <summary>The field as written: in double quotes, with inner quotes doubled, when it contains a comma, quote or line break.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(NeedsQuoting) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
