// The columns that name a trial in the per-trial sections (failures, stopped trials, exploits): its index, its
// combination's and its seed, as numbers. Written once so the three sections name trials alike.
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>The trial, combination and seed columns and their cells.</summary>
internal static class TrialColumns
{
    public static IReadOnlyList<ReportColumn> Columns { get; } =
        [ReportColumn.Number("trial"), ReportColumn.Number("combination"), ReportColumn.Number("seed")];

    public static IReadOnlyList<ReportCell> Cells(int index, int combination, long seed) =>
        [ReportCell.Number(ReportText.Integer(index)), ReportCell.Number(ReportText.Integer(combination)), ReportCell.Number(ReportText.Integer(seed))];
}
