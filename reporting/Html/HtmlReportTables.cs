// The HTML tables of the report: ranking (best row highlighted, PBT-exploited combinations noted, a cut ranking's note
// above it), metric by schedule family, metric by axis value and failures. Cells are escaped through HtmlCell. No
// charts here.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Html;

/// <summary>Writes the report's tables as HTML.</summary>
internal static class HtmlReportTables
{
    public static void WriteRanking(TextWriter page, SweepReport report)
    {
        page.Write("<h2>Ranking</h2>\n<p class=\"note\">One row per combination, over its completed seeds. ");
        page.Write($"{HtmlText.Escape(string.Join(" ", ReportWords.StatisticsLegend(report.Header.Metric)))}</p>\n");
        if (ReportCuts.RankingNote(report) is { } cut) page.Write($"<p class=\"note\">{HtmlText.Escape(cut)}</p>\n");
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var marks = ExploitMarks.Of(report);
        string[] noteHeadings = marks.Any ? [ExploitMarks.Heading] : [];
        string[] prunedHeadings = PrunedColumn.IsShown(report) ? [PrunedColumn.Heading] : [];
        string[] headings =
        [
            "rank", "combination", .. axisPaths, .. noteHeadings, ReportText.Name(report.Header.Metric.Name), "95% CI",
            "completed", "diverged", "failed", .. prunedHeadings, "epochs", "compute time", "silos",
        ];
        HtmlTable.Write(page, headings, report.Ranking.Select(row => new HtmlRow(
        [
            HtmlCell.Number(ReportWords.Rank(row)), HtmlCell.Number(ReportText.Integer(row.Combination)),
            .. axisPaths.Select(p => HtmlCell.Code(row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "")),
            .. noteHeadings.Select(_ => HtmlCell.Text(marks.NoteFor(row.Combination))),
            HtmlCell.Number(ReportText.MeanStd(row.Metric)), HtmlCell.Number(ReportText.Interval(row.Metric)),
            HtmlCell.Number(ReportText.Integer(row.Completed)), HtmlCell.Number(ReportText.Integer(row.Diverged)),
            HtmlCell.Number(ReportText.Integer(row.Failed)), .. prunedHeadings.Select(_ => HtmlCell.Number(ReportText.Integer(row.Pruned))),
            HtmlCell.Number(ReportText.Epochs(row.MeanEpochs)),
            HtmlCell.Number(ReportText.Duration(row.WallSeconds)), HtmlCell.Text(string.Join(", ", row.Silos)),
        ], RowClass(row))));
    }

    public static void WriteFamilies(TextWriter page, IReadOnlyList<FamilySummary> families) =>
        HtmlTable.Write(page, ["schedule", "family", "trials", "completed", "mean ± std", "95% CI"],
            families.Select(f => new HtmlRow(
            [
                HtmlCell.Code(ReportText.Name(f.Target)), HtmlCell.Code(f.Family), HtmlCell.Number(ReportText.Integer(f.Trials)),
                HtmlCell.Number(ReportText.Integer(f.Completed)), HtmlCell.Number(ReportText.MeanStd(f.Metric)),
                HtmlCell.Number(ReportText.Interval(f.Metric)),
            ])));

    public static void WriteAxes(TextWriter page, SweepReport report)
    {
        page.Write("<h2>Metric by axis value</h2>\n");
        foreach (var axis in report.Axes)
        {
            page.Write($"<h3><code>{HtmlText.Escape(axis.Path)}</code></h3>\n");
            if (ReportCuts.AxisBinNote(axis) is { } bins) page.Write($"<p class=\"note\">{HtmlText.Escape(bins)}</p>\n");
            if (ReportCuts.AxisNote(axis) is { } cut) page.Write($"<p class=\"note\">{HtmlText.Escape(cut)}</p>\n");
            HtmlTable.Write(page, ["value", "trials", "completed", "mean", "best"], axis.Values.Select(v => new HtmlRow(
            [
                HtmlCell.Code(v.Value), HtmlCell.Number(ReportText.Integer(v.Trials)), HtmlCell.Number(ReportText.Integer(v.Completed)),
                HtmlCell.Number(ReportText.Metric(v.Mean)), HtmlCell.Number(ReportText.Metric(v.Best)),
            ])));
        }
    }

    public static void WriteFailures(TextWriter page, IReadOnlyList<FailureEntry> failures)
    {
        page.Write("<h2>Failures</h2>\n");
        if (failures.Count == 0)
        {
            page.Write("<p class=\"note\">None.</p>\n");
            return;
        }
        HtmlTable.Write(page, ["trial", "combination", "seed", "status", "attempts", "silos", "error"], failures.Select(f => new HtmlRow(
        [
            HtmlCell.Number(ReportText.Integer(f.Index)), HtmlCell.Number(ReportText.Integer(f.Combination)),
            HtmlCell.Number(ReportText.Integer(f.Seed)), HtmlCell.Text(ReportText.Name(f.Status)),
            HtmlCell.Number(ReportText.Integer(f.Attempts)), HtmlCell.Text(string.Join(", ", f.Silos)),
            new($"<span class=\"error\">{HtmlText.Escape(f.Error ?? ReportText.Missing)}</span>"),
        ])));
    }

    private static string? RowClass(RankingRow row) => row switch
    {
        { Metric: null } => "no-metric",
        { Rank: 1 } => "best",
        { VersusTop: VersusTop.Tied } => "tied",
        _ => null,
    };
}
