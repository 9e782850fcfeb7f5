// Turns a SweepReport into the format-neutral document once: its sections in reading order, each from its own
// builder. The summary lines (name, state, times, best trial) stay with each writer; the charts are ReportChartSet's.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="ReportDocument"/> of a report.</summary>
public static class ReportDocumentBuilder
{
    public static ReportDocument Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportSection?[] sections =
        [
            RankingSectionBuilder.Build(report), AxesSectionBuilder.Build(report), FamiliesSectionBuilder.Build(report),
            TopCombinationSectionBuilder.Build(report), HeldOutTestSectionBuilder.Build(report), FailuresSectionBuilder.Build(report),
            StoppedSectionBuilder.Build(report), ExploitsSectionBuilder.Build(report),
        ];
        return new ReportDocument(sections.OfType<ReportSection>().ToArray());
    }
}
