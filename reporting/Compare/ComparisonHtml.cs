// The HTML form of a comparison (`sweep compare --format html`): one page that works offline, rendered from the
// ComparisonDocument Razor component (which escapes every user string). The same input gives the same bytes.
using SweepCluster.Reporting.Html;

namespace SweepCluster.Reporting.Compare;

/// <summary>Writes a <see cref="SweepComparison"/> as a self-contained HTML page.</summary>
public static class ComparisonHtml
{
    public static void Write(SweepComparison comparison, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("<!DOCTYPE html>\n");
        RazorHtml.Write<ComparisonDocument>(new Dictionary<string, object?> { [nameof(ComparisonDocument.Comparison)] = comparison }, output);
        output.Write('\n');
    }
}
