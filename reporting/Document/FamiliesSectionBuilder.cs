// The metric by schedule family, built once for every format: one row per schedule target and family with its trial
// counts, mean ± std and interval. It computes nothing (FamilySummaryBuilder does) and lays nothing out; the HTML
// page's chart of it is ReportChartSet's.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.Families"/> section.</summary>
public static class FamiliesSectionBuilder
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "Metric by schedule family";

    public static ReportSection Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportColumn[] columns =
        [
            ReportColumn.Code("schedule"), ReportColumn.Code("family"), ReportColumn.Number("trials"), ReportColumn.Number("completed"),
            ReportColumn.Number("mean ± std"), new ReportColumn("95% CI", CellKind.Number) { Priority = ColumnPriority.Secondary },
        ];
        var rows = report.Families.Select(f => new ReportRow(
        [
            ReportCell.Code(ReportText.Name(f.Target)), ReportCell.Code(f.Family), ReportCell.Number(ReportText.Integer(f.Trials)),
            ReportCell.Number(ReportText.Integer(f.Completed)), ReportCell.Number(ReportText.MeanStd(f.Metric)),
            ReportCell.Number(ReportText.Interval(f.Metric)),
        ])).ToArray();
        return new ReportSection(SectionId.Families, Heading) { Tables = [new ReportTable(null, columns, rows)] };
    }
}
