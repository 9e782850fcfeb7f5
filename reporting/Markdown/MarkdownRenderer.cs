// The Markdown format: a heading per section — summary, ranking (with the note of a cut one), metric by axis value, metric by schedule family,
// the top combination's best seed's history, failures, trials the scheduler stopped and PBT's exploits. Every user string goes through
// MarkdownText. No charts. It is written section by section to a TextWriter.
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
    public void Write(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        WriteSummary(output, report);
        WriteRanking(output, report);
        WriteAxes(output, report);
        WriteFamilies(output, report);
        WriteTopCombination(output, report);
        MarkdownHeldOutTest.Write(output, report.HeldOutTest);
        WriteFailures(output, report.Failures);
        WriteStopped(output, report.Stopped ?? []);
        WriteExploits(output, report.Exploits ?? []);
    }

    private static void WriteSummary(TextWriter output, SweepReport report)
    {
        var header = report.Header;
        Paragraph(output, $"# Sweep report: {MarkdownText.Escape(header.Name)}");
        output.WriteLine($"- **Sweep:** {MarkdownText.Code(header.SweepId)} ({ReportText.Name(header.Status)})");
        output.WriteLine($"- **Metric:** {MarkdownText.Code(ReportText.Metric(header.Metric))}");
        output.WriteLine($"- **Trials:** {header.TotalTrials} ({ReportText.StatusCounts(header)})");
        output.WriteLine($"- **Created:** {ReportText.Timestamp(header.CreatedAt)}" +
            (header.FinishedAt is { } finished ? $"; **finished:** {ReportText.Timestamp(finished)}" : ""));
        output.WriteLine($"- **Time:** {ReportWords.Times(header)}");
        Paragraph(output, $"- **Best trial:** {MarkdownText.Escape(ReportWords.BestTrialDescription(report))}");
    }

    private static void WriteRanking(TextWriter output, SweepReport report)
    {
        Paragraph(output, "## Ranking");
        Paragraph(output, MarkdownText.Escape(string.Join(" ", ReportWords.StatisticsLegend(report.Header.Metric))));
        if (ReportCuts.RankingNote(report) is { } cut) Paragraph(output, MarkdownText.Escape(cut));
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
            new("failed", ColumnAlignment.Right), .. prunedColumns, new("epochs", ColumnAlignment.Right), new("compute time", ColumnAlignment.Right),
            new("silos"),
        ];
        MarkdownTable.Write(output, columns, report.Ranking.Select(row => (IReadOnlyList<string>)
        [
            MarkdownText.Escape(ReportWords.Rank(row)), ReportText.Integer(row.Combination),
            .. axisPaths.Select(p => MarkdownText.Code(row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "")),
            .. noteColumns.Select(_ => MarkdownText.Escape(marks.NoteFor(row.Combination))),
            ReportText.MeanStd(row.Metric), ReportText.Interval(row.Metric),
            ReportText.Integer(row.Completed), ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed),
            .. prunedColumns.Select(_ => ReportText.Integer(row.Pruned)), ReportText.Epochs(row.MeanEpochs), ReportText.Duration(row.WallSeconds),
            MarkdownText.Escape(string.Join(", ", row.Silos)),
        ]));
    }

    private static void WriteAxes(TextWriter output, SweepReport report)
    {
        Paragraph(output, "## Metric by axis value");
        foreach (var axis in report.Axes)
        {
            Paragraph(output, $"### {MarkdownText.Code(axis.Path)}");
            if (ReportCuts.AxisBinNote(axis) is { } bins) Paragraph(output, MarkdownText.Escape(bins));
            if (ReportCuts.AxisNote(axis) is { } cut) Paragraph(output, MarkdownText.Escape(cut));
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

    private static void WriteFamilies(TextWriter output, SweepReport report)
    {
        Paragraph(output, "## Metric by schedule family");
        MarkdownTable.Write(output,
            [new("schedule"), new("family"), new("trials", ColumnAlignment.Right), new("completed", ColumnAlignment.Right),
             new("mean ± std", ColumnAlignment.Right), new("95% CI")],
            report.Families.Select(f => (IReadOnlyList<string>)
            [
                MarkdownText.Code(ReportText.Name(f.Target)), MarkdownText.Code(f.Family), ReportText.Integer(f.Trials),
                ReportText.Integer(f.Completed), ReportText.MeanStd(f.Metric), ReportText.Interval(f.Metric),
            ]));
    }

    private static void WriteTopCombination(TextWriter output, SweepReport report)
    {
        Paragraph(output, $"## {ReportWords.Capitalized(ReportWords.TopCombination)}");
        if (report.TopCombination is not { } best)
        {
            Paragraph(output, "No trial has completed yet.");
            return;
        }
        Paragraph(output, $"{ReportWords.TopCombinationTitle(best)}: " +
            $"{MarkdownText.Escape(ReportText.Name(report.Header.Metric.Name))} = {ReportText.Metric(best.Metric)}; " +
            MarkdownText.Code(ReportText.Axes(best.Axes)));
        if (ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } lineage) Paragraph(output, $"PBT: {MarkdownText.Escape(lineage)}");
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

    private static void WriteFailures(TextWriter output, IReadOnlyList<FailureEntry> failures)
    {
        Paragraph(output, "## Failures");
        if (failures.Count == 0)
        {
            Paragraph(output, "None.");
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

    /// <summary>A line of text and the blank line that ends its paragraph.</summary>
    private static void Paragraph(TextWriter output, string text)
    {
        output.WriteLine(text);
        output.WriteLine();
    }

    // Only when the trial scheduler stopped or holds a trial (ASHA, median stopping, PBT).
    private static void WriteStopped(TextWriter output, IReadOnlyList<StoppedEntry> stopped)
    {
        if (stopped.Count == 0) return;
        Paragraph(output, "## Stopped by the trial scheduler");
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
    private static void WriteExploits(TextWriter output, IReadOnlyList<ExploitEntry> exploits)
    {
        if (exploits.Count == 0) return;
        Paragraph(output, $"## {ExploitMarks.SectionTitle}");
        Paragraph(output, MarkdownText.Escape(ExploitMarks.SectionNote));
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
