// How much of a large sweep the report lists. Without limits a 100,000-trial random search puts 100,000 rows in the
// ranking and in the metric by axis value, and 100,000 dots per schedule family in the plot, of every format; with them
// the report keeps the top of each long list and says how much there was in all, and trials.csv keeps every trial.
// Counts, statistics and the best trial are computed over every trial whatever the limits. It does not cut anything
// itself (SweepReportBuilder does).
namespace SweepCluster.Reporting;

/// <summary>The most rows the report lists in its long tables and the most dots it plots per schedule family.</summary>
/// <param name="RankingRows">Combinations the ranking lists, best first; the report counts the rest
/// (<c>SweepReport.TotalCombinations</c>).</param>
/// <param name="AxisValues">Values listed per axis in the metric by axis value; an axis with more lists those with the
/// best mean, best first (<c>AxisSummary.TotalValues</c> counts them all).</param>
/// <param name="PlottedValues">Metric values kept per schedule family for the dot plot; a family with more completed
/// trials keeps this many evenly spaced quantiles of them (at least 2: the smallest and the largest).</param>
public sealed record ReportLimits(int RankingRows, int AxisValues, int PlottedValues)
{
    /// <summary>The ranking lists the top 100 combinations (the terminal shows the first 20 of them).</summary>
    public const int DefaultRankingRows = 100;

    /// <summary>An axis lists at most 100 values: a grid's axes are far shorter, a continuous random axis is not.</summary>
    public const int DefaultAxisValues = 100;

    /// <summary>A schedule family's dot plot draws at most 1,000 dots.</summary>
    public const int DefaultPlottedValues = 1000;

    /// <summary>The fewest plotted values a limit may keep: the smallest and the largest.</summary>
    public const int MinPlottedValues = 2;

    /// <summary>The limits every report uses unless told otherwise.</summary>
    public static ReportLimits Default { get; } = new(DefaultRankingRows, DefaultAxisValues, DefaultPlottedValues);

    /// <inheritdoc cref="ReportLimits" path="/param[@name='RankingRows']"/>
    public int RankingRows { get; } = AtLeast(RankingRows, 1, nameof(RankingRows));

    /// <inheritdoc cref="ReportLimits" path="/param[@name='AxisValues']"/>
    public int AxisValues { get; } = AtLeast(AxisValues, 1, nameof(AxisValues));

    /// <inheritdoc cref="ReportLimits" path="/param[@name='PlottedValues']"/>
    public int PlottedValues { get; } = AtLeast(PlottedValues, MinPlottedValues, nameof(PlottedValues));

    private static int AtLeast(int value, int minimum, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, minimum, name);
        return value;
    }
}
