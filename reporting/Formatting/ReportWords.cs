// The words every format uses for the two kinds of "best", the two kinds of time, the tie mark and the legend of the
// statistics, so the terminal, Markdown, HTML, the progress line and the live page say the same thing. It does not
// escape anything for a particular format.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Formatting;

/// <summary>Shared labels and legends of the report.</summary>
public static class ReportWords
{
    /// <summary>The single completed trial with the best metric, whatever its combination's rank.</summary>
    public const string BestTrial = "best trial";

    /// <summary>The rank-1 combination of the ranking.</summary>
    public const string TopCombination = "top combination (best mean over seeds)";

    /// <summary>Appended to the rank of a combination statistically tied with the top one.</summary>
    public const string TieMark = "≈";

    /// <summary>Wall-clock time from the sweep's creation to its end.</summary>
    public const string Elapsed = "elapsed";

    /// <summary>Training time summed over every trial.</summary>
    public const string Compute = "compute";

    /// <summary>The rank with the tie mark when the combination is tied with the top one: "3 ≈".</summary>
    public static string Rank(RankingRow row) =>
        row.VersusTop == VersusTop.Tied ? $"{ReportText.Integer(row.Rank)} {TieMark}" : ReportText.Integer(row.Rank);

    /// <summary>"elapsed 3 min 05 s · compute 1 h 02 min (sum of trial times; 42.0 s mean per trial)"; elapsed is "—"
    /// while the sweep runs.</summary>
    public static string Times(ReportHeader header) =>
        $"{Elapsed} {ReportText.Duration(header.ElapsedSeconds)} · {Compute} {ReportText.Duration(header.ComputeSeconds)} " +
        $"(sum of trial times; {ReportText.Duration(header.MeanComputeSeconds)} mean per trial)";

    /// <summary>"trial 12 (combination 5 ranked 2, seed 1): val_accuracy 0.9731", or "—" before any trial completed.</summary>
    public static string BestTrialDescription(SweepReport report) => report.BestTrial is { } best
        ? $"trial {best.Index} (combination {best.Combination} ranked {best.Rank}, seed {best.Seed}): " +
          $"{ReportText.Name(report.Header.Metric.Name)} {ReportText.Metric(best.Metric)}"
        : ReportText.Missing;

    /// <summary>"Best trial: trial 12 (…): val_accuracy 0.9731".</summary>
    public static string BestTrialLine(SweepReport report) => $"{Capitalized(BestTrial)}: {BestTrialDescription(report)}";

    /// <summary>The text with its first letter in upper case (a label at the start of a line or a heading).</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"Top combination (best mean over seeds): combination 3; its best seed is trial 7 (seed 2)".</summary>
    public static string TopCombinationTitle(RankedTrial top) =>
        $"{Capitalized(TopCombination)}: combination {top.Combination}; its best seed is trial {top.Index} (seed {top.Seed})";

    /// <summary>What ±, the interval and the tie mark mean, one sentence per line (each fits a 160-column line).</summary>
    public static IReadOnlyList<string> StatisticsLegend(MetricSpec metric) =>
    [
        "± is the standard deviation over seeds: how much one run varies.",
        $"95% CI is the Student-t confidence interval of the mean over seeds, clipped to the range of {ReportText.Name(metric.Name)}, {MetricRange.Of(metric.Name)}.",
        string.Create(CultureInfo.InvariantCulture,
            $"{TieMark} after a rank: statistically tied with #1 (Welch's t-test at {TieWithTop.SignificanceLevel:0%} does not tell the means apart; " +
            $"needs {TieWithTop.MinSeeds} or more seeds on both)."),
    ];
}
