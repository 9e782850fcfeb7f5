// Turns a SweepReport into the format-neutral document once: its summary and its sections in reading order, each
// from its own builder. The HTML page's charts are ReportChartSet's, not the document's.
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
            RankingSectionBuilder.Build(report), ParetoFrontSectionBuilder.Build(report), AxesSectionBuilder.Build(report), FamiliesSectionBuilder.Build(report),
            TopCombinationSectionBuilder.Build(report), HeldOutTestSectionBuilder.Build(report), FailuresSectionBuilder.Build(report),
            StoppedSectionBuilder.Build(report), ExploitsSectionBuilder.Build(report),
        ];
        return new ReportDocument(ReportSummary.Of(report), sections.OfType<ReportSection>().ToArray());
    }
}
