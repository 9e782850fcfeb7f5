// The Markdown format: a heading per section — summary, ranking (with the note of a cut one), metric by axis value, metric by schedule family,
// the best trial's history, failures, trials the scheduler stopped and PBT's exploits. Every user string goes through
// MarkdownText. No charts.
using System.Text;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Markdown;

/// <summary>Renders the report as GitHub-flavoured Markdown.</summary>
public sealed class MarkdownRenderer : IReportRenderer
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public string Render(SweepReport report)
    {
        var output = new StringBuilder();
        WriteSummary(output, report.Header);
        WriteRanking(output, report);
        WriteAxes(output, report);
        WriteFamilies(output, report);
        WriteBestTrial(output, report);
        WriteFailures(output, report.Failures);
        WriteStopped(output, report.Stopped ?? []);
        WriteExploits(output, report.Exploits ?? []);
        return output.ToString();
    }

    private static void WriteSummary(StringBuilder output, ReportHeader header)
    {
        output.AppendLine($"# Sweep report: {MarkdownText.Escape(header.Name)}").AppendLine();
        output.AppendLine($"- **Sweep:** {MarkdownText.Code(header.SweepId)} ({ReportText.Name(header.Status)})");
        output.AppendLine($"- **Metric:** {MarkdownText.Code(ReportText.Metric(header.Metric))}");
        output.AppendLine($"- **Trials:** {header.TotalTrials} ({ReportText.StatusCounts(header)})");
        output.AppendLine($"- **Created:** {ReportText.Timestamp(header.CreatedAt)}" +
            (header.FinishedAt is { } finished ? $"; **finished:** {ReportText.Timestamp(finished)}" : ""));
        output.AppendLine($"- **Wall time:** {ReportText.Duration(header.TotalWallSeconds)} total, " +
            $"{ReportText.Duration(header.MeanWallSeconds)} mean per trial").AppendLine();
    }

    private static void WriteRanking(StringBuilder output, SweepReport report)
    {
        output.AppendLine("## Ranking").AppendLine();
        output.AppendLine("Mean ± sample standard deviation over completed seeds; 95% Student-t interval of the mean.").AppendLine();
        if (ReportCuts.RankingNote(report) is { } cut) output.AppendLine(MarkdownText.Escape(cut)).AppendLine();
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var marks = ExploitMarks.Of(report);
        MarkdownColumn[] noteColumns = marks.Any ? [new(ExploitMarks.Heading)] : [];
        var pruned = PrunedColumn.IsShown(report);
        MarkdownColumn[] prunedColumns = pruned ? [new(PrunedColumn.Heading, ColumnAlignment.Right)] : [];
        MarkdownColumn[] columns =
        [
            new("rank", ColumnAlignment.Right), new("combination", ColumnAlignment.Right),
            .. axisPaths.Select(p => new MarkdownColumn(MarkdownText.Code(p))), .. noteColumns,
            new(MarkdownText.Escape(ReportText.Name(report.Header.Metric.Name)), ColumnAlignment.Right),
            new("95% CI"), new("completed", ColumnAlignment.Right), new("diverged", ColumnAlignment.Right),
            new("failed", ColumnAlignment.Right), .. prunedColumns, new("epochs", ColumnAlignment.Right), new("wall time", ColumnAlignment.Right),
            new("silos"),
        ];
        MarkdownTable.Write(output, columns, report.Ranking.Select(row => (IReadOnlyList<string>)
        [
            ReportText.Integer(row.Rank), ReportText.Integer(row.Combination),
            .. axisPaths.Select(p => MarkdownText.Code(row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "")),
            .. noteColumns.Select(_ => MarkdownText.Escape(marks.NoteFor(row.Combination))),
            ReportText.MeanStd(row.Metric), ReportText.Interval(row.Metric),
            ReportText.Integer(row.Completed), ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed),
            .. prunedColumns.Select(_ => ReportText.Integer(row.Pruned)), ReportText.Epochs(row.MeanEpochs), ReportText.Duration(row.WallSeconds),
            MarkdownText.Escape(string.Join(", ", row.Silos)),
        ]));
    }

    private static void WriteAxes(StringBuilder output, SweepReport report)
    {
        output.AppendLine("## Metric by axis value").AppendLine();
        foreach (var axis in report.Axes)
        {
            output.AppendLine($"### {MarkdownText.Code(axis.Path)}").AppendLine();
            if (ReportCuts.AxisNote(axis) is { } cut) output.AppendLine(MarkdownText.Escape(cut)).AppendLine();
            MarkdownTable.Write(output,
                [new("value"), new("trials", ColumnAlignment.Right), new("completed", ColumnAlignment.Right),
                 new("mean", ColumnAlignment.Right), new("best", ColumnAlignment.Right)],
                axis.Values.Select(v => (IReadOnlyList<string>)
                [
                    MarkdownText.Code(v.Value), ReportText.Integer(v.Trials), ReportText.Integer(v.Completed),
                    ReportText.Metric(v.Mean), ReportText.Metric(v.Best),
                ]));
        }
    }

    private static void WriteFamilies(StringBuilder output, SweepReport report)
    {
        output.AppendLine("## Metric by schedule family").AppendLine();
        MarkdownTable.Write(output,
            [new("schedule"), new("family"), new("trials", ColumnAlignment.Right), new("completed", ColumnAlignment.Right),
             new("mean ± std", ColumnAlignment.Right), new("95% CI")],
            report.Families.Select(f => (IReadOnlyList<string>)
            [
                MarkdownText.Code(ReportText.Name(f.Target)), MarkdownText.Code(f.Family), ReportText.Integer(f.Trials),
                ReportText.Integer(f.Completed), ReportText.MeanStd(f.Metric), ReportText.Interval(f.Metric),
            ]));
    }

    private static void WriteBestTrial(StringBuilder output, SweepReport report)
    {
        output.AppendLine("## Best trial").AppendLine();
        if (report.BestTrial is not { } best)
        {
            output.AppendLine("No trial has completed yet.").AppendLine();
            return;
        }
        output.AppendLine($"Trial {best.Index} (combination {best.Combination}, seed {best.Seed}): " +
            $"{MarkdownText.Escape(ReportText.Name(report.Header.Metric.Name))} = {ReportText.Metric(best.Metric)}; " +
            MarkdownText.Code(ReportText.Axes(best.Axes))).AppendLine();
        if (ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } lineage) output.AppendLine($"PBT: {MarkdownText.Escape(lineage)}").AppendLine();
        MarkdownTable.Write(output,
            [new("epoch", ColumnAlignment.Right), new("step", ColumnAlignment.Right), new("train loss", ColumnAlignment.Right),
             new("val loss", ColumnAlignment.Right), new("val metric", ColumnAlignment.Right),
             new("learning rate", ColumnAlignment.Right), new("weight decay", ColumnAlignment.Right),
             new("batch size", ColumnAlignment.Right)],
            best.History.Select(e => (IReadOnlyList<string>)
            [
                ReportText.Integer(e.Epoch), ReportText.Integer(e.Step), ReportText.Metric(e.TrainLoss),
                ReportText.Metric(e.ValLoss), ReportText.Metric(e.ValMetric), ReportText.Number(e.LearningRate),
                ReportText.Number(e.WeightDecay), ReportText.Integer(e.BatchSize),
            ]));
    }

    private static void WriteFailures(StringBuilder output, IReadOnlyList<FailureEntry> failures)
    {
        output.AppendLine("## Failures").AppendLine();
        if (failures.Count == 0)
        {
            output.AppendLine("None.").AppendLine();
            return;
        }
        MarkdownTable.Write(output,
            [new("trial", ColumnAlignment.Right), new("combination", ColumnAlignment.Right), new("seed", ColumnAlignment.Right),
             new("status"), new("attempts", ColumnAlignment.Right), new("error")],
            failures.Select(f => (IReadOnlyList<string>)
            [
                ReportText.Integer(f.Index), ReportText.Integer(f.Combination), ReportText.Integer(f.Seed),
                ReportText.Name(f.Status), ReportText.Integer(f.Attempts), MarkdownText.Escape(f.Error ?? ReportText.Missing),
            ]));
    }

    // Only when the trial scheduler stopped or holds a trial (ASHA, median stopping, PBT).
    private static void WriteStopped(StringBuilder output, IReadOnlyList<StoppedEntry> stopped)
    {
        if (stopped.Count == 0) return;
        output.AppendLine("## Stopped by the trial scheduler").AppendLine();
        MarkdownTable.Write(output,
            [new("trial", ColumnAlignment.Right), new("combination", ColumnAlignment.Right), new("seed", ColumnAlignment.Right),
             new("status"), new("epoch", ColumnAlignment.Right), new("metric", ColumnAlignment.Right), new("why")],
            stopped.Select(s => (IReadOnlyList<string>)
            [
                ReportText.Integer(s.Index), ReportText.Integer(s.Combination), ReportText.Integer(s.Seed), ReportText.Name(s.Status),
                ReportText.Integer(s.Epoch), s.Metric is { } m ? m.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : ReportText.Missing,
                MarkdownText.Escape(s.Reason ?? ReportText.Missing),
            ]));
    }

    // Only when PBT exploited a trial: when, whose checkpoint it copied and how it explored.
    private static void WriteExploits(StringBuilder output, IReadOnlyList<ExploitEntry> exploits)
    {
        if (exploits.Count == 0) return;
        output.AppendLine($"## {ExploitMarks.SectionTitle}").AppendLine();
        output.AppendLine(MarkdownText.Escape(ExploitMarks.SectionNote)).AppendLine();
        MarkdownTable.Write(output,
            [new("trial", ColumnAlignment.Right), new("combination", ColumnAlignment.Right), new("seed", ColumnAlignment.Right),
             new("epoch", ColumnAlignment.Right), new("donor", ColumnAlignment.Right), new("explore")],
            exploits.Select(e => (IReadOnlyList<string>)
            [
                ReportText.Integer(e.Index), ReportText.Integer(e.Combination), ReportText.Integer(e.Seed),
                ReportText.Integer(e.Exploit.Epoch), ReportText.Integer(e.Exploit.DonorIndex), MarkdownText.Escape(e.Explore),
            ]));
    }
}
