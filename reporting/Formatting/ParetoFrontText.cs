// The Pareto front section as words and cells, which ParetoFrontSectionBuilder puts in the report document for every
// format: its title, the line that says what was compared on which goals, its headings and each row's cells. It
// computes nothing (ParetoFrontBuilder does) and lays nothing out.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Formatting;

internal static class ParetoFrontText
{
    public const string Title = "Pareto front";

    public const string Note =
        "A combination is on the front when no other combination is at least as good on every objective and better on " +
        "one. Means over the completed seeds.";

    /// <summary>The column of the combination's axes in words: the only one that is not a number.</summary>
    private const int AxesColumn = 2;

    /// <summary>"3 of 5 combinations are on the front, compared on val_accuracy (maximize) and steps (minimize); sorted by
    /// val_accuracy."</summary>
    public static string Compared(ParetoFront front) =>
        $"{front.Rows.Count} of {Combinations(front.Compared)} with a completed seed {(front.Rows.Count == 1 ? "is" : "are")} on the front, " +
        $"compared on {Goals(front)}; sorted by {ReportText.Name(front.Primary.Name)}.";

    public static IReadOnlyList<string> Headings(ParetoFront front) =>
        ["rank", "combination", "axes", .. front.Objectives.Select(o => ReportText.Name(o.Name)), "seeds"];

    /// <summary>One row's cells, in <see cref="Headings"/>' order.</summary>
    public static IReadOnlyList<string> Cells(ParetoFront front, ParetoFrontRow row) =>
    [
        ReportText.Integer(row.Rank), ReportText.Integer(row.Combination), ReportText.Axes(row.Axes),
        .. row.Means.Select((mean, j) => Mean(front.Objectives[j].Name, mean)), ReportText.Integer(row.Seeds),
    ];

    /// <summary>A mean of steps as the count it is (no fixed decimals); any other metric with four decimals.</summary>
    private static string Mean(MetricName name, double mean) => name == MetricName.Steps ? ReportText.Number(mean) : ReportText.Metric(mean);

    /// <summary>Which cells are numbers (right-aligned): all but the axes.</summary>
    public static bool IsNumeric(int column) => column != AxesColumn;

    private static string Combinations(int count) => count == 1 ? "1 combination" : $"{count} combinations";

    private static string Goals(ParetoFront front)
    {
        var goals = front.Objectives.Select(ReportText.Metric).ToArray();
        return goals.Length <= 1 ? string.Concat(goals) : $"{string.Join(", ", goals[..^1])} and {goals[^1]}";
    }
}
