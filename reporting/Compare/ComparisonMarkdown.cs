// The Markdown form of a comparison (`sweep compare --format md`): one column per sweep, the verdict, and the curves
// as a table of the metric at evenly spaced epochs (Markdown has no charts). Every user string goes through MarkdownText.
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Document;
using SweepCluster.Reporting.Markdown;

namespace SweepCluster.Reporting.Compare;

/// <summary>Writes a <see cref="SweepComparison"/> as GitHub-flavoured Markdown.</summary>
public static class ComparisonMarkdown
{
    /// <summary>Rows of the epoch table at most.</summary>
    public const int MaxEpochRows = 20;

    public static void Write(SweepComparison comparison, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("# Sweeps compared");
        output.WriteLine();
        MarkdownColumn[] columns = [new(""), .. comparison.Sweeps.Select(s => new MarkdownColumn(MarkdownText.Code(s.Header.SweepId)))];
        MarkdownTable.Write(output, columns, ComparisonRows.Of(comparison)
            .Select(row => (IReadOnlyList<string>)[$"**{MarkdownText.Escape(row.Label)}**", .. row.Cells.Select(MarkdownText.Escape)]));
        output.WriteLine(MarkdownText.Escape(ComparisonRows.Verdict(comparison)));
        output.WriteLine();

        var epochs = ComparisonCurves.Epochs(comparison, MaxEpochRows);
        if (epochs.Count == 0 || comparison.SharedMetric is not { } metric) return;
        output.WriteLine($"## {MarkdownText.Escape(ReportText.Name(metric.Name))} per epoch of each top combination's best seed");
        output.WriteLine();
        var curves = ComparisonCurves.Of(comparison);
        MarkdownTable.Write(output,
            [new("epoch", ColumnAlignment.Right), .. comparison.Sweeps.Select(s => new MarkdownColumn(MarkdownText.Code(s.Header.SweepId), ColumnAlignment.Right))],
            epochs.Select(epoch => (IReadOnlyList<string>)
            [
                ReportText.Integer(epoch),
                .. curves.Select(c => c.Where(p => (int)p.Epoch == epoch).Select(p => ReportText.Metric(p.Metric)).FirstOrDefault(ReportText.Missing)),
            ]));
    }
}
