// The comparison as labelled rows of text, one cell per sweep: what the terminal and Markdown writers lay out, so
// both say the same thing in the same words. It escapes nothing for a particular format.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Compare;

/// <summary>A labelled row of the comparison: one cell per sweep, in the comparison's order.</summary>
public sealed record ComparisonRow(string Label, IReadOnlyList<string> Cells);

/// <summary>Words for a <see cref="SweepComparison"/>.</summary>
public static class ComparisonRows
{
    /// <summary>The rows, top to bottom.</summary>
    public static IReadOnlyList<ComparisonRow> Of(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ComparisonRow Row(string label, Func<ComparedSweep, string> cell) => new(label, comparison.Sweeps.Select(cell).ToArray());
        return
        [
            Row("name", s => s.Header.Name),
            Row("status", s => ReportText.Name(s.Header.Status)),
            Row("ranked by", s => ReportText.Metric(s.Header.Metric)),
            Row("trials", s => $"{s.Header.TotalTrials} ({ReportText.StatusCounts(s.Header)})"),
            Row(ReportWords.BestTrial, BestTrial),
            Row(ReportWords.TopCombination, s => s.TopCombination is { } top ? $"combination {top.Combination}: {ReportText.Axes(top.Axes)}" : ReportText.Missing),
            Row("mean ± std over seeds", s => ReportText.MeanStd(s.TopCombination?.Metric)),
            Row("95% CI of the mean", s => ReportText.Interval(s.TopCombination?.Metric)),
            Row("seeds with a metric", s => s.TopCombination?.Metric is { } m ? ReportText.Integer(m.Count) : ReportText.Missing),
            Row("versus the leader", s => Versus(comparison, s)),
            Row(ReportWords.Elapsed, s => ReportText.Duration(s.Header.ElapsedSeconds)),
            Row(ReportWords.Compute, s => ReportText.Duration(s.Header.ComputeSeconds)),
        ];
    }

    /// <summary>One sentence under the table: who leads and what "tied" means, or why nothing leads.</summary>
    public static string Verdict(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.SharedMetric is null)
            return "The sweeps rank by different metrics, so none leads: compare each within its own report.";
        if (comparison.Leader is not { } leader)
            return "No sweep has a completed trial yet.";
        var tied = comparison.Sweeps.Where(s => s.VersusLeader == VersusTop.Tied).Select(s => s.Header.SweepId).ToArray();
        var lead = $"{leader.Header.SweepId} leads: its top combination has the best mean {ReportText.Name(comparison.SharedMetric.Name)}.";
        return tied.Length == 0
            ? lead
            : string.Create(CultureInfo.InvariantCulture,
                $"{lead} Statistically tied with it (Welch's t-test at {TieWithTop.SignificanceLevel:0%} over seeds): {string.Join(", ", tied)}.");
    }

    private static string BestTrial(ComparedSweep sweep) => sweep.BestTrial is { } best
        ? $"trial {best.Index} (combination {best.Combination}, seed {best.Seed}): {ReportText.Metric(best.Metric)}"
        : ReportText.Missing;

    private static string Versus(SweepComparison comparison, ComparedSweep sweep) => sweep.VersusLeader switch
    {
        VersusTop.Top => "leads",
        VersusTop.Tied => "statistically tied",
        VersusTop.Worse => "worse",
        _ when comparison.SharedMetric is null => "not comparable (another metric)",
        _ when sweep.TopCombination?.Metric is null => ReportText.Missing,
        _ when comparison.Leader is null => ReportText.Missing,
        _ => $"not tested (needs {TieWithTop.MinSeeds}+ seeds on both)",
    };
}
