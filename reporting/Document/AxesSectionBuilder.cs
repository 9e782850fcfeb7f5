// The metric by axis value, built once for every format: one table per searched axis (a random search's sampled
// values in bins, a row per range), titled with the metric and the axis, with its binning and cut notes. It computes
// no statistics (AxisSummaryBuilder does) and lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.Axes"/> section.</summary>
public static class AxesSectionBuilder
{
    /// <summary>The section's heading.</summary>
    public const string Heading = "Metric by axis value";

    /// <summary>Values a short layout lists per axis: enough for the bins of a random search over three schedule families.</summary>
    public const int ShortLayoutRows = ScheduleFamiliesBinned * AxisBins.BinCount;

    private const int ScheduleFamiliesBinned = 3;

    public static ReportSection Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metric = ReportText.Name(report.Header.Metric.Name);
        return new ReportSection(SectionId.Axes, Heading) { Tables = report.Axes.Select(axis => TableOf(axis, metric)).ToArray() };
    }

    /// <summary>The title of an axis's table: "val_accuracy by learning_rate".</summary>
    public static string TitleOf(AxisSummary axis, string metric) => $"{metric} by {axis.Path}";

    private static ReportTable TableOf(AxisSummary axis, string metric)
    {
        ReportColumn[] columns =
        [
            ReportColumn.Code(axis.SampledValues is null ? "value" : "value range"), ReportColumn.Number("trials"),
            ReportColumn.Number("completed"), ReportColumn.Number("mean"), ReportColumn.Number("best"),
        ];
        var rows = axis.Values.Select(v => new ReportRow(
        [
            ReportCell.Code(v.Value), ReportCell.Number(ReportText.Integer(v.Trials)), ReportCell.Number(ReportText.Integer(v.Completed)),
            ReportCell.Number(ReportText.Metric(v.Mean)), ReportCell.Number(ReportText.Metric(v.Best)),
        ])).ToArray();
        string?[] notes = [ReportCuts.AxisBinNote(axis), ReportCuts.AxisNote(axis)];
        return new ReportTable(TitleOf(axis, metric), columns, rows)
        {
            Notes = notes.OfType<string>().Select(ReportNote.Of).ToArray(),
            ShortLayoutRows = ShortLayoutRows,
            TotalRows = axis.TotalValues ?? axis.Values.Count,
            RowNoun = "values",
        };
    }
}
