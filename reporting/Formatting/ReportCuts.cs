// What a report says where it lists only the top of a long list (ReportLimits): how many there were in all, and where
// every trial is. Same words in every format, and nothing at all for a list that was not cut. The ranking's note has
// no comma and no quote, so the CSV carries it as one field of its own line.
using System.Globalization;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Formatting;

/// <summary>The notes of a report whose ranking, axis values or plotted values were cut.</summary>
public static class ReportCuts
{
    /// <summary>
    /// "The report ranks only the top 100 of 100000 combinations; its counts and summaries cover every trial;
    /// trials.csv in the report folder (or sweep trials ID --format csv) lists every trial."; null when the ranking
    /// lists every combination.
    /// </summary>
    public static string? RankingNote(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsRankingCut) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"The report ranks only the top {report.Ranking.Count} of {report.TotalCombinations} combinations; its counts and summaries " +
            $"cover every trial; {SweepRunTables.TrialsFile} in the report folder (or sweep trials {report.Header.SweepId} --format csv) lists every trial.");
    }

    /// <summary>"Only the 100 values with the best mean of 100000 are listed; the counts cover every trial."; null when
    /// the axis lists every value.</summary>
    public static string? AxisNote(AxisSummary axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (!axis.IsCut) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"Only the {axis.Values.Count} values with the best mean of {axis.TotalValues} are listed; their counts cover every trial.");
    }

    /// <summary>"27 sampled values in quantile bins of about equal trials (5 per schedule family); a row is a range of
    /// values."; null when every row is one value.</summary>
    public static string? AxisBinNote(AxisSummary axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (axis.SampledValues is not { } sampled) return null;
        return string.Create(CultureInfo.InvariantCulture,
            $"{sampled} sampled values in quantile bins of about equal trials ({AxisBins.BinCount} per schedule family); a row is a range of values.");
    }

    /// <summary>Whether a family's plot shows evenly spaced quantiles of its trials' values rather than every one.</summary>
    public static bool IsThinned(FamilySummary family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.Values.Count < family.Completed;
    }
}
