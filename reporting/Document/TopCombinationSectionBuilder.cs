// The top combination's best seed, built once for every format: its title, axes and PBT lineage, its final epoch as
// facts and its whole history as a detail table (layouts short of space show the facts). "No trial has completed
// yet." before any has. It lays nothing out.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Document;

/// <summary>Builds the <see cref="SectionId.TopCombination"/> section.</summary>
public static class TopCombinationSectionBuilder
{
    /// <summary>What the section says before any trial completed.</summary>
    public const string NoTrialCompleted = "No trial has completed yet.";

    public static ReportSection Build(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var section = new ReportSection(SectionId.TopCombination, ReportWords.Capitalized(ReportWords.TopCombination));
        if (report.TopCombination is not { History.Count: > 0 } best) return section with { Paragraphs = [new(NoTrialCompleted)] };
        ReportParagraph[] lineage = ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } words
            ? [new($"PBT: {words}", ParagraphKind.Aside)]
            : [];
        var final = best.History[^1];
        return section with
        {
            Paragraphs = [new(ReportWords.TopCombinationTitle(best), ParagraphKind.Lead), new(ReportText.Axes(best.Axes), ParagraphKind.Code), .. lineage],
            Facts =
            [
                new(ReportText.Name(report.Header.Metric.Name), ReportText.Metric(best.Metric)),
                new("epochs", ReportText.Integer(final.Epoch)),
                new("train loss", ReportText.Metric(final.TrainLoss)),
                new("val loss", ReportText.Metric(final.ValLoss)),
                new("val metric", ReportText.Metric(final.ValMetric)),
                new("learning rate (last epoch)", ReportText.Number(final.LearningRate)),
                new("weight decay (last epoch)", ReportText.Number(final.WeightDecay)),
                new("batch size (last epoch)", ReportText.Integer(final.BatchSize)),
            ],
            Tables = [HistoryOf(best)],
        };
    }

    private static ReportTable HistoryOf(RankedTrial best)
    {
        ReportColumn[] columns =
        [
            ReportColumn.Number("epoch"), ReportColumn.Number("step"), ReportColumn.Number("train loss"), ReportColumn.Number("val loss"),
            ReportColumn.Number("val metric"), ReportColumn.Number("learning rate"), ReportColumn.Number("weight decay"),
            ReportColumn.Number("batch size"),
        ];
        var rows = best.History.Select(e => new ReportRow(
        [
            ReportCell.Number(ReportText.Integer(e.Epoch)), ReportCell.Number(ReportText.Integer(e.Step)),
            ReportCell.Number(ReportText.Metric(e.TrainLoss)), ReportCell.Number(ReportText.Metric(e.ValLoss)),
            ReportCell.Number(ReportText.Metric(e.ValMetric)), ReportCell.Number(ReportText.Number(e.LearningRate)),
            ReportCell.Number(ReportText.Number(e.WeightDecay)), ReportCell.Number(ReportText.Integer(e.BatchSize)),
        ])).ToArray();
        return new ReportTable(null, columns, rows) { Priority = ColumnPriority.Detail, RowNoun = "epochs" };
    }
}
